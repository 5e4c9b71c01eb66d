"""The part of :class:`~newsreader.reader.Reader` about whole articles from their pages.

A feed's setting (off, on, auto) says whether a refresh fetches its articles'
pages (:mod:`newsreader.update.full_articles`); the text kept is read here beside
the article, and the user may fetch one article's page at any time.
"""

from __future__ import annotations

from newsreader.core.full_articles import FullArticleMode, FullText
from newsreader.reader.profile import ProfileParts
from newsreader.storage import full_articles as full_store
from newsreader.update.full_articles import FullArticles


class FullArticlesMixin(ProfileParts):
    """Whole articles: each feed's setting, the stored texts, a fetch on demand."""

    def _full_articles(self) -> FullArticles:
        images = self.paths.images if self.paths is not None else None
        return FullArticles(self._db, self._parse_pool.submit_page, images)

    def _follow_new_feed_setting(self, feed_id: int) -> None:
        """Give a feed just added the whole-article setting chosen for new feeds."""
        try:
            mode = FullArticleMode(self.settings().full_articles)
        except ValueError:
            return
        if mode is not FullArticleMode.OFF:
            self.set_full_articles(feed_id, mode)

    def set_full_articles(self, feed_id: int, mode: FullArticleMode | str) -> None:
        """Set whether *feed_id*'s articles are fetched whole (raises ``ValueError``)."""
        with self._db.session() as session:
            full_store.set_mode(session, feed_id, FullArticleMode(mode))

    def full_articles_mode(self, feed_id: int) -> FullArticleMode:
        """A feed's whole-article setting."""
        with self._db.session() as session:
            return full_store.mode_of(session, feed_id)

    def full_text(self, article_id: int) -> FullText | None:
        """The article's whole text (or the error fetching it), if its page was tried."""
        with self._db.session() as session:
            return full_store.full_text(session, article_id)

    def fetch_full_text(self, article_id: int) -> FullText | None:
        """Fetch the article's page now, even if it was tried (network: not on a GUI thread).

        Returns what is stored afterwards: the text, and this try's error if it
        failed (a text fetched earlier stays); ``None`` when the article has no link.
        """
        return self._full_articles().fetch_now(article_id, self._transport)
