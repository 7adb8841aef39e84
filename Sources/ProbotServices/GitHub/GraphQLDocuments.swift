/// GraphQL documents sent to GitHub that are fixed text.
package enum GraphQLDocuments {
    /// Who the token acts as.
    package static let viewer = "query { viewer { login } }"
}
