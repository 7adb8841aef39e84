// GitHub's Markdown parser (cmark-gfm) and its extensions: tables, autolinks, strikethrough, task lists.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
