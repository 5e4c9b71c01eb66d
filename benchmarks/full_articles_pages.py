"""The evaluation pages for whole-article extraction: Arabic article pages in site shapes.

Every sentence here was written for Newsreader's evaluation; no page copies a real
site's text.  Each page is an article of a made-up Arabic news site in one of five
shapes real sites use (right-to-left markup, a header with sections, a live ticker,
a topic list with counts, share bars, comments, related headlines, a cookie banner,
ads, scripts), built from a story (headline, lead, body paragraphs, a quotation, a
picture with its caption and credit, the source line, author and date).

``python benchmarks/full_articles_pages.py`` writes the pages and
``expected.json`` (what each page's article is and what is not the article) into
``benchmarks/full_articles_eval/``; ``benchmarks/full_articles.py`` scores the
extractors on them.
"""

from __future__ import annotations

import html
import json
import random
import sys
from pathlib import Path

OUT = Path(__file__).with_name("full_articles_eval")

STORIES = [
    ("افتتاح جسر جديد فوق نهر المدينة يختصر زمن العبور", "الرافدين", "وزارة النقل", "الجسر"),
    (
        "ارتفاع صادرات التمور إلى مستوى غير مسبوق هذا الموسم",
        "الواحة",
        "اتحاد المزارعين",
        "الصادرات",
    ),
    ("المكتبة الوطنية تفتح أرشيفها الرقمي أمام الباحثين", "العاصمة", "إدارة المكتبة", "الأرشيف"),
    ("منتخب الشباب يتأهل إلى نهائي البطولة الإقليمية", "الساحل", "اتحاد الكرة", "المنتخب"),
    ("خطة لتحلية مياه البحر تغطي حاجة ثلاث محافظات", "الميناء", "هيئة المياه", "المحطة"),
    (
        "مهرجان الخط العربي يستقبل أعمال فنانين من عشرين بلدا",
        "المدينة القديمة",
        "وزارة الثقافة",
        "المهرجان",
    ),
    ("انطلاق موسم الحصاد مبكرا بعد أمطار غزيرة", "السهل الشرقي", "وزارة الزراعة", "الموسم"),
    ("البنك المركزي يبقي سعر الفائدة دون تغيير", "العاصمة", "البنك المركزي", "القرار"),
    ("مستشفى جامعي يجري أول عملية زراعة قوقعة للأطفال", "الجامعة", "إدارة المستشفى", "العملية"),
    ("شبكة قطارات سريعة تربط المدن الساحلية بحلول العام المقبل", "الساحل", "هيئة السكك", "الشبكة"),
    ("علماء آثار يكشفون عن سوق قديمة تحت حي سكني", "التلال", "دائرة الآثار", "الموقع"),
    ("وزارة التعليم تعلن تقويما دراسيا جديدا", "العاصمة", "وزارة التعليم", "التقويم"),
    ("أسعار الخضار تتراجع مع وفرة الإنتاج المحلي", "السوق المركزية", "غرفة التجارة", "الأسعار"),
    ("إطلاق قمر صناعي لرصد التصحر والغطاء النباتي", "مركز الفضاء", "وكالة الفضاء", "القمر"),
    ("معرض الكتاب يسجل أعلى عدد من الزوار منذ تأسيسه", "العاصمة", "إدارة المعرض", "المعرض"),
    ("بلدية المدينة تزرع عشرة آلاف شجرة على الطرق الرئيسية", "المدينة", "البلدية", "الحملة"),
    ("محادثات بين البلدين لفتح معبر حدودي جديد", "الحدود الشمالية", "وزارة الخارجية", "المعبر"),
    ("نادي العاصمة يتعاقد مع مدرب جديد لموسمين", "العاصمة", "إدارة النادي", "العقد"),
    ("مشروع للطاقة الشمسية يضيء قرى الجبل", "الجبل", "وزارة الطاقة", "المشروع"),
    ("تحذير من موجة حر خلال الأيام المقبلة", "الوادي", "هيئة الأرصاد", "الموجة"),
    ("جامعة محلية تطلق برنامجا لتعليم البرمجة للفتيات", "الجامعة", "عمادة الكلية", "البرنامج"),
    ("ميناء المدينة يستقبل أكبر سفينة حاويات في تاريخه", "الميناء", "سلطة الموانئ", "السفينة"),
    (
        "ترميم السوق المسقوفة يعيد الحياة إلى وسط المدينة",
        "المدينة القديمة",
        "لجنة التراث",
        "الترميم",
    ),
    ("انخفاض معدلات البطالة بين الخريجين للعام الثاني", "العاصمة", "دائرة الإحصاء", "المعدلات"),
    ("فريق إنقاذ ينتشل صيادين بعد عاصفة بحرية", "الخليج", "خفر السواحل", "الفريق"),
    ("حملة وطنية للتطعيم تصل إلى المناطق النائية", "البادية", "وزارة الصحة", "الحملة"),
    ("إقرار قانون جديد لحماية البيانات الشخصية", "العاصمة", "مجلس النواب", "القانون"),
    ("مزارعو الزيتون يتوقعون محصولا وفيرا", "الهضاب", "نقابة المزارعين", "المحصول"),
    ("افتتاح متحف للعلوم مخصص للأطفال", "الحديقة الكبرى", "مؤسسة العلوم", "المتحف"),
    ("سباق للدراجات يجوب شوارع العاصمة فجر الجمعة", "العاصمة", "نادي الدراجات", "السباق"),
    ("تدشين خط بحري لنقل الركاب بين الجزر", "الجزر", "هيئة النقل البحري", "الخط"),
    ("مبادرة شبابية لتنظيف الشواطئ تجمع ألف متطوع", "الشاطئ الغربي", "جمعية البيئة", "المبادرة"),
]

# Body sentences written for this set; {p} place, {o} organisation, {t} the subject.
SENTENCES = [
    "قالت {o} في بيان صدر صباح اليوم إن {t} يأتي بعد دراسات استمرت أكثر من عامين في {p}.",
    "وأوضح مسؤول في {o} أن العمل سيجري على مراحل حتى لا تتأثر حياة السكان اليومية.",
    "ويرى مختصون أن {t} سيغير طريقة تعامل الأهالي مع الخدمات في {p} خلال السنوات المقبلة.",
    "وبحسب الأرقام التي نشرتها {o}، فإن الكلفة الإجمالية بقيت ضمن الميزانية المقررة.",
    "وأشار سكان من {p} تحدثوا إلى مراسلنا إلى أنهم انتظروا هذه الخطوة طويلا.",
    "ولم تحدد {o} موعدا نهائيا للمرحلة التالية، لكنها وعدت بإعلان التفاصيل قريبا.",
    "وتعود فكرة {t} إلى مقترح قدمه مجلس محلي قبل سنوات ثم توقف بسبب نقص التمويل.",
    "ويعمل في {t} نحو ثلاثمئة شخص من أبناء {p} والمناطق المجاورة لها.",
    "وأكدت {o} أنها ستنشر تقريرا دوريا يتيح للجمهور متابعة التقدم خطوة بخطوة.",
    "في المقابل، طالب نواب عن {p} بمزيد من الشفافية في طريقة اختيار الشركات المنفذة.",
    "وشهد يوم الإعلان حضور عدد من الوجهاء وممثلي المجتمع المدني في {p}.",
    "وتأمل {o} أن تفتح التجربة الباب أمام مشاريع مماثلة في محافظات أخرى.",
    "وكانت دراسة سابقة قد أظهرت أن غياب {t} كلف الاقتصاد المحلي خسائر كبيرة.",
    "ومن المنتظر أن يزور وفد من {o} الموقع الأسبوع المقبل لتقييم ما أنجز حتى الآن.",
    "وقال أحد المشاركين إن ما تحقق في {p} لم يكن ممكنا لولا تعاون الأهالي.",
    "ويتوقع اقتصاديون أن تنعكس النتائج على أسعار السلع والخدمات قبل نهاية العام.",
    "وقد رافقت الإعلان حملة توعية في المدارس والمساجد والأسواق الشعبية في {p}.",
    "ولفتت {o} إلى أن الخطة تراعي المعايير البيئية وتحافظ على المساحات الخضراء.",
    "وأبدى تجار في {p} تفاؤلا حذرا، مؤكدين أن الحكم النهائي يبقى للنتائج على الأرض.",
    "ويذكر أن {o} تلقت أكثر من ألفي مقترح من المواطنين خلال فترة المشاورات العامة.",
    "وستخصص نسبة من العائدات لدعم الأسر ذات الدخل المحدود في {p} وضواحيها.",
    "وتبقى التحديات قائمة، أبرزها نقص الأيدي العاملة المدربة وارتفاع أسعار المواد.",
    "وأعلنت {o} عن خط هاتفي مجاني لتلقي أسئلة المواطنين وملاحظاتهم حول {t}.",
    "ويقول مراقبون إن نجاح {t} سيقاس بمدى استمراره بعد انتهاء التمويل الأولي.",
]
QUOTES = [
    "هذا يوم ينتظره الناس منذ زمن، ونحن ملتزمون بإكمال ما بدأناه",
    "لن نتوقف عند هذا الحد، فأمامنا عمل كثير في الأشهر المقبلة",
    "نريد أن يشعر كل مواطن بأن هذا الإنجاز له قبل أن يكون لنا",
]
SOURCES = ["المصدر: وكالات", "المصدر: مراسلنا", "المصدر: وكالة الأنباء الرسمية"]
AUTHORS = ["سلمى العبيدي", "كريم الحداد", "ليلى منصور", "يوسف القاسم", "هدى الشامي"]
SECTIONS = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة", "علوم", "صحة", "منوعات"]
TOPICS = [
    ("الانتخابات البلدية", 42),
    ("موسم الأمطار", 17),
    ("كأس الخليج", 56),
    ("أسعار الوقود", 23),
    ("معرض الكتاب", 9),
]
TICKER = [
    "عاجل: انقطاع مؤقت للكهرباء في أحياء شمال العاصمة",
    "عاجل: تأجيل مباراة الديربي إلى موعد يحدد لاحقا",
    "مباشر: جلسة برلمانية لمناقشة الموازنة العامة",
]
COMMENTS = [
    "خبر جميل، ونتمنى أن تصل هذه المشاريع إلى قريتنا أيضا",
    "أين كانت هذه الوعود في السنوات الماضية؟ سننتظر ونرى",
    "شكرا للمراسل على التغطية المفصلة",
]
COOKIE = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق على ذلك"
SHARE = ["شارك على فيسبوك", "غرّد الخبر", "انسخ الرابط"]
ADS = "إعلان: احجز رحلتك الصيفية الآن بخصم يصل إلى ثلاثين بالمئة"
NEWSLETTER = "اشترك في النشرة البريدية لتصلك أهم الأخبار كل صباح"
FOOTER = "جميع الحقوق محفوظة لموقع الأنباء اليومية"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def story(n: int) -> dict[str, object]:
    """The article of page *n*: its parts, and the page's other texts."""
    title, place, org, subject = STORIES[n % len(STORIES)]
    rng = random.Random(n * 7919)
    fill = {"p": place, "o": org, "t": subject}
    picks = rng.sample(SENTENCES, 10)
    lead = f"أعلنت {org} عن {subject} في {place}، في خطوة يصفها المسؤولون بأنها الأهم منذ سنوات."
    paragraphs = [
        " ".join(s.format(**fill) for s in picks[i : i + 2])
        for i in range(0, 2 * rng.randint(3, 5), 2)
    ]
    related = [STORIES[(n + k) % len(STORIES)][0] for k in (3, 7, 11, 13)]
    if n >= len(STORIES):  # a story told again: its headline is new
        title = f"{title}: تفاصيل جديدة"
    return {
        "title": title,
        "lead": lead,
        "paragraphs": paragraphs,
        "quote": QUOTES[n % len(QUOTES)],
        "caption": f"صورة من {place} يوم الإعلان عن {subject}",
        "credit": f"تصوير: {AUTHORS[(n + 2) % len(AUTHORS)]}",
        "source": SOURCES[n % len(SOURCES)],
        "author": AUTHORS[n % len(AUTHORS)],
        "date": f"2026-11-{(n % 28) + 1:02d}",
        "related": related,
        "comments": [COMMENTS[(n + k) % len(COMMENTS)] for k in range(2)],
        "ticker": TICKER[n % len(TICKER)],
    }


def _header(s: dict[str, object], shape: int) -> str:
    links = "".join(
        f'<li><a href="/section/{i}">{esc(name)}</a></li>' for i, name in enumerate(SECTIONS)
    )
    topics = "".join(
        f'<li><a href="/topic/{i}">{esc(name)}</a> <span class="count">{count} خبرًا</span></li>'
        for i, (name, count) in enumerate(TOPICS)
    )
    ticker = f'<div class="breaking-ticker"><marquee>{esc(str(s["ticker"]))}</marquee></div>'
    if shape == 0:
        return (
            f'<header class="site-header"><a class="logo" href="/">الأنباء اليومية</a>'
            f"<nav><ul>{links}</ul></nav></header>{ticker}"
            f'<div class="topics-bar"><h3>قصص</h3><ul>{topics}</ul></div>'
        )
    if shape == 1:
        return (
            f'<div id="top-menu" class="menu"><ul>{links}</ul></div>'
            f'<div class="live-strip"><span>مباشر</span> {esc(str(s["ticker"]))}</div>'
            f'<section class="trending-topics"><ul>{topics}</ul></section>'
        )
    if shape == 2:
        return (
            f'<header><div class="navbar"><ul>{links}</ul></div></header>'
            f'<div id="ticker">{esc(str(s["ticker"]))}</div>'
            f'<div class="widget topics"><ul>{topics}</ul></div>'
        )
    if shape == 3:
        return (
            f'<div class="header"><nav class="main-nav"><ul>{links}</ul></nav>'
            f'<div class="breaking">{esc(str(s["ticker"]))}</div></div>'
            f'<ul class="tags-list">{topics}</ul>'
        )
    return (
        f'<nav id="sections"><ul>{links}</ul></nav>'
        f'<div class="news-ticker"><ul><li>{esc(str(s["ticker"]))}</li></ul></div>'
        f'<aside class="stories"><ul>{topics}</ul></aside>'
    )


def _share(shape: int) -> str:
    items = "".join(f'<li><a href="#">{esc(t)}</a></li>' for t in SHARE)
    return (
        '<div class="share-bar"><ul>{}</ul></div>',
        '<div class="social-share">{}</div>',
        '<ul class="sharing">{}</ul>',
        '<div id="share">{}</div>',
        '<div class="toolbar">{}</div>',
    )[shape].format(items)


def _article(s: dict[str, object], shape: int) -> str:
    paragraphs = list(s["paragraphs"])  # type: ignore[call-overload]
    middle = len(paragraphs) // 2
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs[:middle])
    body += f"<blockquote><p>«{esc(str(s['quote']))}»</p></blockquote>"
    body += f'<div class="inline-ad ad">{esc(ADS)}</div>'
    body += "".join(f"<p>{esc(p)}</p>" for p in paragraphs[middle:])
    figure = (
        f'<figure class="main-image"><img src="/images/{shape}.jpg" alt="{esc(str(s["caption"]))}">'
        f'<figcaption>{esc(str(s["caption"]))} <span class="credit">{esc(str(s["credit"]))}</span>'
        "</figcaption></figure>"
    )
    meta = (
        f'<div class="meta"><span class="author">{esc(str(s["author"]))}</span> '
        f'<time datetime="{s["date"]}">{s["date"]}</time></div>'
    )
    lead = f'<p class="lead">{esc(str(s["lead"]))}</p>'
    source = f'<p class="source">{esc(str(s["source"]))}</p>'
    head = f"<h1>{esc(str(s['title']))}</h1>"
    if shape in (0, 3):
        return f"<article>{head}{meta}{lead}{figure}{_share(shape)}<div class='article-body'>{body}</div>{source}</article>"
    if shape == 1:
        return f"<main><div class='post'>{head}{figure}{lead}{_share(shape)}{body}{meta}{source}</div></main>"
    if shape == 2:
        return f"<div id='content'><div class='story'>{head}{meta}{figure}<div itemprop='articleBody'>{lead}{body}{source}</div>{_share(shape)}</div></div>"
    return f"<div class='container'><div class='col-main'>{head}{lead}{figure}{meta}<div class='text'>{body}</div>{source}{_share(shape)}</div></div>"


def _after(s: dict[str, object], shape: int) -> str:
    related = "".join(
        f'<li><a href="/news/{i}">{esc(t)}</a></li>' for i, t in enumerate(s["related"])
    )  # type: ignore[call-overload,arg-type]
    comments = "".join(
        f'<div class="comment"><b>قارئ {i + 1}</b><p>{esc(c)}</p></div>'
        for i, c in enumerate(s["comments"])  # type: ignore[call-overload,arg-type]
    )
    related_box = (
        f'<section class="related-news"><h2>أخبار ذات صلة</h2><ul>{related}</ul></section>',
        f'<div class="more-news"><h3>المزيد من الأخبار</h3><ul>{related}</ul></div>',
        f"<aside><h3>اقرأ أيضا</h3><ul>{related}</ul></aside>",
        f'<div class="most-read"><h3>الأكثر قراءة</h3><ol>{related}</ol></div>',
        f"<div><h4>اقرأ أيضا</h4><ul>{related}</ul></div>",
    )[shape]
    return (
        f"{related_box}"
        f'<section id="comments"><h2>التعليقات</h2>{comments}'
        '<form><textarea placeholder="أضف تعليقك"></textarea><button>إرسال</button></form></section>'
        f'<div class="newsletter">{esc(NEWSLETTER)}</div>'
        f'<div id="cookie-banner" class="cookie-consent">{esc(COOKIE)} <button>موافق</button></div>'
        f"<footer><p>{esc(FOOTER)}</p></footer>"
        '<script>document.title = "x"; window.track && track("view");</script>'
    )


def _opaque(s: dict[str, object], shape: int) -> str:
    """A site whose class names say nothing (generated ones, as CSS modules make them).

    Nothing here is named share, comments, related, ticker or cookie: only the page's
    structure tells the article from the rest.
    """
    k = f"x{shape}"
    links = "".join(f'<a class="{k}a" href="/s/{i}">{esc(n)}</a>' for i, n in enumerate(SECTIONS))
    topics = "".join(
        f'<a class="{k}b" href="/t/{i}">{esc(name)} {count} خبرًا</a>'
        for i, (name, count) in enumerate(TOPICS)
    )
    share = "".join(f'<a class="{k}c" href="#">{esc(t)}</a>' for t in SHARE)
    related = "".join(
        f'<div class="{k}d"><a href="/n/{i}">{esc(t)}</a></div>'
        for i, t in enumerate(s["related"])  # type: ignore[call-overload,arg-type]
    )
    comments = "".join(
        f'<div class="{k}e"><span>قارئ {i + 1}</span><div>{esc(c)}</div></div>'
        for i, c in enumerate(s["comments"])  # type: ignore[call-overload,arg-type]
    )
    paragraphs = list(s["paragraphs"])  # type: ignore[call-overload]
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    body += f"<blockquote>«{esc(str(s['quote']))}»</blockquote>"
    return (
        f'<div class="{k}0">{links}</div><div class="{k}1">{esc(str(s["ticker"]))}</div>'
        f'<div class="{k}2">{topics}</div>'
        f'<div class="{k}3"><h1>{esc(str(s["title"]))}</h1>'
        f'<div class="{k}4">{esc(str(s["author"]))} · <time>{s["date"]}</time></div>'
        f'<p class="{k}5">{esc(str(s["lead"]))}</p>'
        f'<figure><img src="/i/{shape}.jpg"><figcaption>{esc(str(s["caption"]))}'
        f" — {esc(str(s['credit']))}</figcaption></figure>"
        f'<div class="{k}6">{share}</div><div class="{k}7">{body}</div>'
        f'<div class="{k}8">{esc(ADS)}</div>'
        f"<p>{esc(str(s['source']))}</p></div>"
        f'<div class="{k}9"><h3>اقرأ أيضا</h3>{related}</div>'
        f'<div class="{k}10"><h3>آراء القراء</h3>{comments}'
        '<textarea placeholder="أضف تعليقك"></textarea></div>'
        f'<div class="{k}11">{esc(NEWSLETTER)}</div><div class="{k}12">{esc(COOKIE)}</div>'
        f'<div class="{k}13">{esc(FOOTER)}</div>'
        '<script>window.track && track("view");</script>'
    )


LONG_COMMENTS = [
    "أسكن في هذا الحي منذ ثلاثين عاما ولم أر مشروعا واحدا يكتمل في موعده، لذلك أرجو أن "
    "تكون هذه المرة مختلفة وأن يشارك الأهالي في المتابعة",
    "المشكلة ليست في الفكرة بل في الصيانة بعد الافتتاح، فكم من مرفق جميل أهمل بعد سنة "
    "واحدة لأن أحدا لم يخصص له ميزانية دائمة",
]


def _held_out(s: dict[str, object], shape: int) -> str:
    """Shapes written after the extractor was settled, to see it on pages it never saw.

    7: paragraphs as ``div`` blocks, a box of other headlines inside the article,
    long comments in a list, a cookie dialog; 8: an old table layout with a side
    column, a ``marquee`` ticker and comments in table rows.
    """
    paragraphs = list(s["paragraphs"])  # type: ignore[call-overload]
    related = list(s["related"])  # type: ignore[call-overload]
    links = "".join(f'<a href="/s/{i}">{esc(n)}</a> | ' for i, n in enumerate(SECTIONS))
    topics = "".join(
        f"<li><a href='/t/{i}'>{esc(n)} {c} خبرًا</a></li>" for i, (n, c) in enumerate(TOPICS)
    )
    shares = "".join(f'<a href="#" title="{esc(t)}">{esc(t)}</a>' for t in SHARE)
    if shape == 7:
        half = len(paragraphs) // 2
        body = "".join(f'<div class="txt">{esc(p)}</div>' for p in paragraphs[:half])
        body += (
            '<div class="box-links"><b>اقرأ أيضا:</b> '
            + " ".join(f'<a href="/n/{i}">{esc(t)}</a>' for i, t in enumerate(related))
            + "</div>"
        )
        body += "".join(f'<div class="txt">{esc(p)}</div>' for p in paragraphs[half:])
        comments = "".join(f"<li><b>زائر</b> {esc(c)}</li>" for c in LONG_COMMENTS)
        return (
            f'<div class="top">{links}</div><div class="bar">{esc(str(s["ticker"]))}</div>'
            f'<div class="side-box"><ul>{topics}</ul></div>'
            f'<div class="wrap"><h1>{esc(str(s["title"]))}</h1>'
            f'<div class="info">{esc(str(s["author"]))} - {s["date"]}</div>'
            f'<div class="pic"><img src="/p/{shape}.jpg"><div class="pic-text">'
            f"{esc(str(s['caption']))} ({esc(str(s['credit']))})</div></div>"
            f'<div class="txt"><strong>{esc(str(s["lead"]))}</strong></div>{body}'
            f'<div class="txt">«{esc(str(s["quote"]))}»</div>'
            f'<div class="txt">{esc(str(s["source"]))}</div><div class="icons">{shares}</div></div>'
            f'<h3>التعليقات</h3><ul class="c-list">{comments}</ul>'
            f'<div role="dialog" class="notice">{esc(COOKIE)}</div>'
            f'<div class="bottom">{esc(NEWSLETTER)} — {esc(FOOTER)}</div>'
            '<script>window.track && track("view");</script>'
        )
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    comments = "".join(f"<tr><td>زائر</td><td>{esc(c)}</td></tr>" for c in LONG_COMMENTS)
    most = "".join(f'<li><a href="/n/{i}">{esc(t)}</a></li>' for i, t in enumerate(related))
    return (
        f'<table width="100%"><tr><td colspan="2">{links}</td></tr>'
        f'<tr><td colspan="2"><marquee>{esc(str(s["ticker"]))}</marquee></td></tr>'
        f'<tr><td width="70%" valign="top"><h1>{esc(str(s["title"]))}</h1>'
        f'<font size="2">{esc(str(s["author"]))} {s["date"]}</font>'
        f'<p><img src="/p/{shape}.jpg"><br><small>{esc(str(s["caption"]))} '
        f"{esc(str(s['credit']))}</small></p><p><b>{esc(str(s['lead']))}</b></p>{body}"
        f"<p>«{esc(str(s['quote']))}»</p><p>{esc(str(s['source']))}</p><p>{shares}</p>"
        f"<table>{comments}</table></td>"
        f'<td valign="top"><b>الأكثر قراءة</b><ol>{most}</ol><ul>{topics}</ul>'
        f"<p>{esc(ADS)}</p></td></tr>"
        f'<tr><td colspan="2">{esc(COOKIE)}<br>{esc(NEWSLETTER)}<br>{esc(FOOTER)}</td></tr></table>'
        '<script>window.track && track("view");</script>'
    )


def _held_out_second(s: dict[str, object], shape: int) -> str:
    """A second round of unseen shapes, written after the first round's figures.

    9: one text block with ``<br><br>`` between paragraphs, an inline "اقرأ أيضا"
    line of links, an "urgent" strip, comments under "شارك برأيك"; 10: an endless
    scrolling page where the next article's headline and long lead follow the first.
    """
    paragraphs = list(s["paragraphs"])  # type: ignore[call-overload]
    related = list(s["related"])  # type: ignore[call-overload]
    links = "".join(f'<li><a href="/s/{i}">{esc(n)}</a></li>' for i, n in enumerate(SECTIONS))
    topics = " ".join(f"<a href='/t/{i}'>{esc(n)} {c} خبرًا</a>" for i, (n, c) in enumerate(TOPICS))
    shares = "".join(f'<a href="#">{esc(t)}</a> ' for t in SHARE)
    comments = "".join(f"<div><b>زائر</b><div>{esc(c)}</div></div>" for c in LONG_COMMENTS)
    head = (
        f"<h1>{esc(str(s['title']))}</h1><span>{esc(str(s['author']))}</span> "
        f'<span>{s["date"]}</span><img src="/p/{shape}.jpg"><em>{esc(str(s["caption"]))} '
        f"{esc(str(s['credit']))}</em>"
    )
    if shape == 9:
        middle = len(paragraphs) // 2
        text = "<br><br>".join(esc(p) for p in paragraphs[:middle])
        text += "<br><br><b>اقرأ أيضا:</b> " + " - ".join(
            f'<a href="/n/{i}">{esc(t)}</a>' for i, t in enumerate(related)
        )
        text += "<br><br>" + "<br><br>".join(esc(p) for p in paragraphs[middle:])
        return (
            f'<div class="nav-top"><ul>{links}</ul></div>'
            f'<div class="urgent">{esc(str(s["ticker"]))}</div><div class="hot">{topics}</div>'
            f'<div class="main-col">{head}<div class="desc">{esc(str(s["lead"]))}</div>'
            f'<div class="body-text">{text}<br><br>«{esc(str(s["quote"]))}»<br><br>'
            f'{esc(str(s["source"]))}</div><div class="sm">{shares}</div>'
            f'<h4>شارك برأيك</h4><div class="opinions">{comments}</div></div>'
            f'<div id="gdpr">{esc(COOKIE)}</div><div class="mail">{esc(NEWSLETTER)}</div>'
            f'<div class="copy">{esc(FOOTER)}</div><script>track("view")</script>'
        )
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    nxt = STORIES[(STORIES.index(next(t for t in STORIES if t[0] == related[0])))]
    next_lead = (
        f"قالت {nxt[2]} إن {nxt[3]} في {nxt[1]} يدخل مرحلته الأخيرة هذا الشهر، بعد أن تأخر "
        "أكثر من مرة بسبب الظروف الجوية وصعوبة توريد بعض المواد من الخارج"
    )
    s["next_lead"] = next_lead
    return (
        f'<div class="menu-wrap"><ul>{links}</ul></div><div class="strip">{esc(str(s["ticker"]))}</div>'
        f'<div class="story-wrap"><div class="story-item">{head}'
        f"<p><strong>{esc(str(s['lead']))}</strong></p>{body}<p>«{esc(str(s['quote']))}»</p>"
        f'<p>{esc(str(s["source"]))}</p><div class="btns">{shares}</div></div>'
        f'<div class="story-item next"><h2><a href="/n/next">{esc(related[0])}</a></h2>'
        f"<p>{esc(next_lead)}</p></div></div>"
        f'<div class="box">{topics}</div><div class="legal">{esc(COOKIE)}</div>'
        f'<div class="end">{esc(NEWSLETTER)} {esc(FOOTER)}</div>'
    )


#: Shapes 0-4 name their parts in class and id words; 5 and 6 do not (_opaque);
#: 7 and 8 were written after the extractor was settled (_held_out), pages 32-39;
#: 9 and 10 after the first round's figures (_held_out_second), pages 40-47.
SHAPES = 7
HELD_OUT_PAGES = 16


def page(n: int) -> tuple[str, dict[str, object]]:
    s = story(n)
    if n < len(STORIES):
        shape = n % SHAPES
    else:
        shape = (7 if n < len(STORIES) + 8 else 9) + n % 2
    if shape >= 9:
        s["comments"] = LONG_COMMENTS
        inside = _held_out_second(s, shape)
    elif shape >= 7:
        s["comments"] = LONG_COMMENTS
        inside = _held_out(s, shape)
    elif shape >= 5:
        inside = _opaque(s, shape)
    else:
        inside = f"{_header(s, shape)}{_article(s, shape)}{_after(s, shape)}"
    document = (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{esc(str(s['title']))} | الأنباء اليومية</title>"
        f'<meta property="og:title" content="{esc(str(s["title"]))}">'
        '<script src="/js/ads.js"></script><style>body{font-family:serif}</style></head>'
        f"<body>{inside}</body></html>"
    )
    expected = {
        "body": [s["lead"], *s["paragraphs"], s["quote"]],  # type: ignore[misc]
        "parts": {
            "headline": s["title"],
            "caption": s["caption"],
            "credit": s["credit"],
            "source": s["source"],
            "author": s["author"],
            "date": s["date"],
        },
        "boilerplate": [
            " ".join(SECTIONS[1:]),
            *(f"{name} {count} خبرًا" for name, count in TOPICS),
            s["ticker"],
            *SHARE,
            *s["related"],
            *s["comments"],
            COOKIE,
            ADS,
            NEWSLETTER,
            FOOTER,  # type: ignore[misc]
            "track(",
            "أضف تعليقك",
            *([str(s["next_lead"])] if "next_lead" in s else []),
        ],
        "shape": shape,
    }
    return document, expected


def main() -> int:
    OUT.mkdir(exist_ok=True)
    expected = {}
    for n in range(len(STORIES) + HELD_OUT_PAGES):
        document, wanted = page(n)
        name = f"page_{n:02d}.html"
        (OUT / name).write_text(document, encoding="utf-8")
        expected[name] = wanted
    (OUT / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"{len(expected)} pages in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
