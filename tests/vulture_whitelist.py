"""Names that vulture cannot see used, for tests/test_dead_code.py.

Vulture reads only our own source, so it misses what a framework calls by name and
what only the tests and benchmarks call.  Each entry says who calls it.  Dead code
is removed, not listed here; a name is matched wherever it is defined, so every
entry also hides a dead namesake.
"""

# ruff: noqa: B018


class _Used:
    """Stands for any object: the attribute names below are what counts."""

    def __getattr__(self, name: str) -> None:
        return None


_ = _Used()

# --- Qt calls these by name -------------------------------------------------------------
# Virtual functions our models, views and widgets override.
_.canFetchMore
_.changeEvent
_.closeEvent
_.columnCount
_.dragEnterEvent
_.dropEvent
_.editorEvent
_.eventFilter
_.fetchMore
_.hasChildren
_.headerData
_.initStyleOption
_.loadResource
_.multiData
_.rowCount
_.sizeHint
_.wheelEvent
# Fields of a QStyleOptionViewItem that a delegate sets and Qt's painting reads.
_.decorationAlignment
_.displayAlignment
_.textElideMode

# --- the standard library calls these by name ------------------------------------------
# html.parser.HTMLParser's callbacks (core/html.py's event parser).
_.handle_data
_.handle_endtag
_.handle_startendtag
_.handle_starttag
# xml.sax's expat reader installs its handlers by name; expat reads what is set on it.
_.buffer_text
_.end_element_ns
_.EntityDeclHandler
_.ExternalEntityRefHandler
# What the with statement passes to __exit__.
_.exc_info
_.exc_type
_.tb

# --- urllib3 calls these by name --------------------------------------------------------
# The HTTP client's connections look host names up through its resolver (fetch/http.py).
_._new_conn
_.ConnectionCls

# --- SQLAlchemy and Alembic read these by name -----------------------------------------
# A TypeDecorator's hooks (storage/models.py).
_.cache_ok
_.impl
_.process_bind_param
_.process_result_value
# Every migration module's identity and steps.
_.branch_labels
_.depends_on
_.down_revision
_.downgrade
_.revision
_.upgrade
# A column only written, by name, in a bulk update (storage/stories.py name_stories).
_.medoid_id

# --- called only by the tests and the benchmarks ---------------------------------------
# Reader API: subscribing without a fetch, and fetching comments ahead on demand.
_.prefetch_comments
_.subscribe
# The parse pool's worker processes, which the tests watch die and come back.
_.pids
# A count among a refresh's decisions that only the tests read.
_.unchanged
# The same-event test on one pair, which benchmarks/stories.py scores.
_.same_event

# --- the window: called only by the tests ----------------------------------------------
# The toolbar's fitting part lives on as the toolbar's child; the tests look at it.
_.toolbar_fit
_.current_view_key
_.is_expanded
_.is_fetching
_.is_offline
_.is_running
_.is_timer_active
_.key_at
_.loaded_ids
_.read_head
_.reload
_.set_expanded
_.shown_search
_.zoom_level

# --- saved searches: the sidebar's topics list them, renames and removes them ---------------
_.remove_saved_search
_.rename_saved_search
_.save_search

# --- the quick feed reader: feedparser's author splitting calls it on the stand-in ---------
_._get_context

# --- icons drawn when asked (ui/icons.py _SvgIconEngine): QIcon calls its engine's methods ---
_.actualSize
_.availableSizes
_.clone

# --- the fetcher's log lines (cli/fetcher.py): logging.Formatter reads its converter ---------
_.converter
# --- a shared cache: what the tests read of it ------------------------------------------------
# Marks held while the server is away (tests/reader/test_shared_cache.py,
# tests/ui/test_shared_cache_watch.py check they are kept, in order, and written).
_.held_marks
