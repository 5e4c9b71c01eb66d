"""Qt item models over the core's read queries (no widgets here)."""

from newsreader.ui.models.article_list import ArticleListModel, Column
from newsreader.ui.models.sidebar import NodeKind, SidebarModel

__all__ = ["ArticleListModel", "Column", "NodeKind", "SidebarModel"]
