"""Item delegates: how list and sidebar rows are painted."""

from newsreader.ui.delegates.article_delegate import ArticleDelegate
from newsreader.ui.delegates.sidebar_delegate import SidebarDelegate

__all__ = ["ArticleDelegate", "SidebarDelegate"]
