<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ActionRegistry</name>
    <message>
        <source>&amp;Add Feed…</source>
        <translation>&amp;إضافة مصدر…</translation>
    </message>
    <message>
        <source>Subscribe to a feed or a site</source>
        <translation>اشترك في خلاصة أو موقع</translation>
    </message>
    <message>
        <source>&amp;Import Subscriptions…</source>
        <translation>ا&amp;ستيراد الاشتراكات…</translation>
    </message>
    <message>
        <source>&amp;Export Subscriptions…</source>
        <translation>ت&amp;صدير الاشتراكات…</translation>
    </message>
    <message>
        <source>Add &amp;Suggested Subscriptions</source>
        <translation>إضافة الاشتراكات ال&amp;مقترحة</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;بحث</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
        <source>Sort by &amp;Date</source>
        <translation>ترتيب حسب ال&amp;تاريخ</translation>
    </message>
    <message>
        <source>Sort by &amp;Source</source>
        <translation>ترتيب حسب ال&amp;مصدر</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation>الحجم ال&amp;عادي</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>الخبر ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>الخبر ال&amp;سابق</translation>
    </message>
    <message>
        <source>Scroll Down or Next &amp;Unread</source>
        <translation>التمرير أو الخبر غير ال&amp;مقروء التالي</translation>
    </message>
    <message>
        <source>Mark as &amp;Read/Unread</source>
        <translation>تعليم كم&amp;قروء/غير مقروء</translation>
    </message>
    <message>
        <source>&amp;Star/Unstar</source>
        <translation>إضافة &amp;نجمة/إزالتها</translation>
    </message>
    <message>
        <source>Mark &amp;All as Read</source>
        <translation>تعليم ال&amp;كل كمقروء</translation>
    </message>
    <message>
        <source>Mark every article in this view as read</source>
        <translation>تعليم كل أخبار هذا العرض كمقروءة</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>&amp;فتح في المتصفح</translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation>&amp;نسخ الرابط</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>Fetch new articles</source>
        <translation>جلب الأخبار الجديدة</translation>
    </message>
    <message>
        <source>&amp;Stop Refreshing</source>
        <translation>إي&amp;قاف التحديث</translation>
    </message>
    <message>
        <source>&amp;Pin to Important Sections</source>
        <translation>ت&amp;ثبيت في الأقسام المهمة</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe…</source>
        <translation>إلغاء الا&amp;شتراك…</translation>
    </message>
    <message>
        <source>&amp;About Newsreader</source>
        <translation>&amp;عن قارئ الأخبار</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <source>Add Feed</source>
        <translation>إضافة مصدر</translation>
    </message>
    <message>
        <source>https://example.org/feed.xml or a site address</source>
        <translation>عنوان موقع أو https://example.org/feed.xml</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>بلا مجلد</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>ال&amp;مجلد:</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>ا&amp;شتراك</translation>
    </message>
    <message>
        <source>Type the address of a feed or of a web site.</source>
        <translation>اكتب عنوان خلاصة أو موقع ويب.</translation>
    </message>
    <message>
        <source>Looking for the feed…</source>
        <translation>جارٍ البحث عن الخلاصة…</translation>
    </message>
    <message>
        <source>You are already subscribed to this feed.</source>
        <translation>أنت مشترك في هذه الخلاصة بالفعل.</translation>
    </message>
    <message>
        <source>No feed was found at this address.</source>
        <translation>لم يُعثر على خلاصة في هذا العنوان.</translation>
    </message>
    <message>
        <source>This address does not give a readable feed: %1</source>
        <translation>هذا العنوان لا يقدّم خلاصة مقروءة: %1</translation>
    </message>
    <message>
        <source>The address could not be fetched: %1</source>
        <translation>تعذّر جلب العنوان: %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>خطأ غير متوقع: %1</translation>
    </message>
    <message>
        <source>Tick at least one feed.</source>
        <translation>علّم خلاصة واحدة على الأقل.</translation>
    </message>
    <message>
        <source>Subscribing…</source>
        <translation>جارٍ الاشتراك…</translation>
    </message>
    <message numerus="yes">
        <source>This site offers %n feed(s). Tick the ones to follow.</source>
        <translation>
            <numerusform>لا يقدّم هذا الموقع أي خلاصة.</numerusform>
            <numerusform>يقدّم هذا الموقع خلاصة واحدة. علّمها لمتابعتها.</numerusform>
            <numerusform>يقدّم هذا الموقع خلاصتين. علّم ما تريد متابعته منهما.</numerusform>
            <numerusform>يقدّم هذا الموقع %n خلاصات. علّم ما تريد متابعته منها.</numerusform>
            <numerusform>يقدّم هذا الموقع %n خلاصةً. علّم ما تريد متابعته منها.</numerusform>
            <numerusform>يقدّم هذا الموقع %n خلاصة. علّم ما تريد متابعته منها.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>seen %1</source>
        <translation>رُصد %1</translation>
    </message>
    <message>
        <source>Undated: first seen %1</source>
        <translation>بلا تاريخ: رُصد أول مرة %1</translation>
    </message>
    <message>
        <source>Headline</source>
        <extracomment>The invisible root, as a default argument. The row&apos;s :class:`~newsreader.core.types.ArticleSummary`. The article id: int. The headline&apos;s base direction: ``Qt.LayoutDirection``. Whether the article is read: bool. Whether the article is starred: bool. Rows read per page. A merge re-reads at most this many rows of the view&apos;s head; rows below stay as loaded. The &quot;Live&quot; view: articles of the last day ... ... or the newest this many, when the day brought fewer.</extracomment>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>المميّزة بنجمة</translation>
    </message>
    <message>
        <source>Source (click to sort by source)</source>
        <translation>المصدر (انقر للترتيب حسب المصدر)</translation>
    </message>
    <message>
        <source>Time (click to sort newest first)</source>
        <translation>الوقت (انقر للترتيب من الأحدث)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>Click to star</source>
        <translation>انقر لإضافة نجمة</translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%n تعليقات</numerusform>
            <numerusform>%n تعليقًا</numerusform>
            <numerusform>%n تعليق</numerusform>
        </translation>
    </message>
    <message>
        <source>unread</source>
        <translation>غير مقروء</translation>
    </message>
</context>
<context>
    <name>CommentDelegate</name>
    <message>
        <source>Anonymous</source>
        <translation>مجهول</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Fold the comments panel</source>
        <translation>طيّ لوحة التعليقات</translation>
    </message>
    <message>
        <source>Show the comments panel</source>
        <translation>إظهار لوحة التعليقات</translation>
    </message>
    <message>
        <source>Fetch the comments again</source>
        <translation>جلب التعليقات من جديد</translation>
    </message>
    <message>
        <source>Refresh comments</source>
        <translation>تحديث التعليقات</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>&amp;Copy Comment</source>
        <translation>&amp;نسخ التعليق</translation>
    </message>
    <message numerus="yes">
        <source>Comments (%n)</source>
        <translation>
            <numerusform>التعليقات (%n)</numerusform>
            <numerusform>التعليقات (%n)</numerusform>
            <numerusform>التعليقات (%n)</numerusform>
            <numerusform>التعليقات (%n)</numerusform>
            <numerusform>التعليقات (%n)</numerusform>
            <numerusform>التعليقات (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Comments page</source>
        <translation>صفحة التعليقات</translation>
    </message>
    <message>
        <source>Fetching comments…</source>
        <translation>جارٍ جلب التعليقات…</translation>
    </message>
    <message>
        <source>Never fetched</source>
        <translation>لم تُجلب بعد</translation>
    </message>
    <message>
        <source>The comments have not been fetched yet.</source>
        <translation>لم تُجلب التعليقات بعد.</translation>
    </message>
    <message>
        <source>Offline — showing saved comments</source>
        <translation>غير متصل — تُعرض التعليقات المحفوظة</translation>
    </message>
    <message>
        <source>Offline — no saved comments</source>
        <translation>غير متصل — لا تعليقات محفوظة</translation>
    </message>
    <message>
        <source>Could not fetch the comments — showing saved ones</source>
        <translation>تعذّر جلب التعليقات — تُعرض المحفوظة</translation>
    </message>
    <message>
        <source>Could not fetch the comments</source>
        <translation>تعذّر جلب التعليقات</translation>
    </message>
    <message>
        <source>Fetching the comments failed: %1</source>
        <translation>فشل جلب التعليقات: %1</translation>
    </message>
    <message>
        <source>Tried %1</source>
        <translation>آخر محاولة: %1</translation>
    </message>
    <message>
        <source>Fetched %1</source>
        <translation>جُلبت %1</translation>
    </message>
    <message>
        <source>Last fetched %1</source>
        <translation>آخر جلب: %1</translation>
    </message>
    <message>
        <source>Looking for comments…</source>
        <translation>جارٍ البحث عن تعليقات…</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>لا تعليقات بعد.</translation>
    </message>
    <message>
        <source>No comments</source>
        <translation>لا تعليقات</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on the source&apos;s website</source>
        <translation>
            <numerusform>لا تعليقات على موقع المصدر</numerusform>
            <numerusform>تعليق واحد على موقع المصدر</numerusform>
            <numerusform>تعليقان على موقع المصدر</numerusform>
            <numerusform>%n تعليقات على موقع المصدر</numerusform>
            <numerusform>%n تعليقًا على موقع المصدر</numerusform>
            <numerusform>%n تعليق على موقع المصدر</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>الأحدث أولًا</translation>
    </message>
    <message>
        <source>Showing the newest comments first; click for the oldest first</source>
        <translation>تُعرض أحدث التعليقات أولًا؛ انقر لعرض الأقدم أولًا</translation>
    </message>
    <message>
        <source>Showing the oldest comments first; click for the newest first</source>
        <translation>تُعرض أقدم التعليقات أولًا؛ انقر لعرض الأحدث أولًا</translation>
    </message>
    <message>
        <source>Open Comment on the Website</source>
        <translation>فتح التعليق على الموقع</translation>
    </message>
    <message>
        <source>Open Link: %1</source>
        <translation>فتح الرابط: %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message numerus="yes">
        <source>The feed is damaged; %n article(s) could still be read</source>
        <translation>
            <numerusform>المصدر تالف، ولم يُقرأ منه أي خبر</numerusform>
            <numerusform>المصدر تالف، وأمكن قراءة خبر واحد منه</numerusform>
            <numerusform>المصدر تالف، وأمكن قراءة خبرين منه</numerusform>
            <numerusform>المصدر تالف، وأمكن قراءة %n أخبار منه</numerusform>
            <numerusform>المصدر تالف، وأمكن قراءة %n خبرًا منه</numerusform>
            <numerusform>المصدر تالف، وأمكن قراءة %n خبر منه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) in this folder could not be updated</source>
        <translation>
            <numerusform>لم يتعذّر تحديث أي مصدر في هذا المجلد</numerusform>
            <numerusform>تعذّر تحديث مصدر واحد في هذا المجلد</numerusform>
            <numerusform>تعذّر تحديث مصدرين في هذا المجلد</numerusform>
            <numerusform>تعذّر تحديث %n مصادر في هذا المجلد</numerusform>
            <numerusform>تعذّر تحديث %n مصدرًا في هذا المجلد</numerusform>
            <numerusform>تعذّر تحديث %n مصدر في هذا المجلد</numerusform>
        </translation>
    </message>
    <message>
        <source>The feed was not found on the server (HTTP %1)</source>
        <translation>لم يُعثر على المصدر في الخادم (HTTP %1)</translation>
    </message>
    <message>
        <source>The feed has been removed for good (HTTP %1)</source>
        <translation>حُذف المصدر نهائيًا (HTTP %1)</translation>
    </message>
    <message>
        <source>The server asks to wait before trying again (HTTP %1)</source>
        <translation>يطلب الخادم الانتظار قبل المحاولة مجددًا (HTTP %1)</translation>
    </message>
    <message>
        <source>The server refused access (HTTP %1)</source>
        <translation>رفض الخادم الوصول (HTTP %1)</translation>
    </message>
    <message>
        <source>The server had an error (HTTP %1)</source>
        <translation>حدث خطأ في الخادم (HTTP %1)</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1)</source>
        <translation>ردّ الخادم بخطأ (HTTP %1)</translation>
    </message>
    <message>
        <source>The server refused the connection</source>
        <translation>رفض الخادم الاتصال</translation>
    </message>
    <message>
        <source>The server could not be found</source>
        <translation>تعذّر العثور على الخادم</translation>
    </message>
    <message>
        <source>The server did not answer in time</source>
        <translation>لم يستجب الخادم في الوقت المحدد</translation>
    </message>
    <message>
        <source>The address redirects in a loop</source>
        <translation>العنوان يعيد التوجيه في حلقة لا تنتهي</translation>
    </message>
    <message>
        <source>The feed is larger than the size limit</source>
        <translation>المصدر أكبر من الحجم المسموح به</translation>
    </message>
    <message>
        <source>The address is not valid</source>
        <translation>العنوان غير صالح</translation>
    </message>
    <message>
        <source>Only web addresses (http and https) can be fetched</source>
        <translation>لا يُجلب إلا من عناوين الويب (http وhttps)</translation>
    </message>
    <message>
        <source>The server redirects to an invalid address</source>
        <translation>يحوّل الخادم إلى عنوان غير صالح</translation>
    </message>
    <message>
        <source>The server sent a damaged answer</source>
        <translation>أرسل الخادم ردًّا تالفًا</translation>
    </message>
    <message>
        <source>The server sent an answer in a form Newsreader cannot read</source>
        <translation>أرسل الخادم ردًّا بصيغة لا يستطيع قارئ الأخبار قراءتها</translation>
    </message>
    <message>
        <source>The proxy failed</source>
        <translation>فشل الخادم الوسيط</translation>
    </message>
    <message>
        <source>The proxy settings are not valid</source>
        <translation>إعدادات الخادم الوسيط غير صالحة</translation>
    </message>
    <message>
        <source>No feed was found at this address</source>
        <translation>لم يُعثر على مصدر في هذا العنوان</translation>
    </message>
    <message>
        <source>The feed was removed while it was being updated</source>
        <translation>حُذف المصدر أثناء تحديثه</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a failure, then the address it is about</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Secure connection failed: the certificate is not trusted</source>
        <translation>فشل الاتصال الآمن: الشهادة غير موثوقة</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>فشل الاتصال الآمن</translation>
    </message>
    <message>
        <source>The connection failed</source>
        <translation>فشل الاتصال</translation>
    </message>
    <message>
        <source>The connection was lost</source>
        <translation>انقطع الاتصال</translation>
    </message>
    <message>
        <source>The server sent a broken answer</source>
        <translation>أرسل الخادم ردًّا تالفًا</translation>
    </message>
    <message>
        <source>This address is a web page, not a feed</source>
        <translation>هذا العنوان صفحة ويب وليس مصدر أخبار</translation>
    </message>
    <message>
        <source>The server sent an empty document</source>
        <translation>أرسل الخادم مستندًا فارغًا</translation>
    </message>
    <message>
        <source>Reading the feed took too long; it was skipped</source>
        <translation>استغرقت قراءة المصدر وقتًا طويلًا فتُرك</translation>
    </message>
    <message>
        <source>The feed parser stopped while reading this feed</source>
        <translation>توقّف قارئ المصادر أثناء قراءة هذا المصدر</translation>
    </message>
    <message>
        <source>The feed lists too many items; only the first %1 were kept</source>
        <translation>يسرد المصدر أخبارًا أكثر من اللازم، فحُفظ أول %1 منها فقط</translation>
    </message>
    <message>
        <source>The feed needs more memory than a feed may use; it was skipped</source>
        <translation>تحتاج قراءة المصدر ذاكرةً أكثر مما يُسمح به لمصدر واحد، فتُرك</translation>
    </message>
    <message>
        <source>The feed parser could not start</source>
        <translation>تعذّر تشغيل قارئ المصادر</translation>
    </message>
    <message>
        <source>The update was stopped before this feed was read</source>
        <translation>توقّف التحديث قبل قراءة هذا المصدر</translation>
    </message>
    <message>
        <source>This document is not a feed</source>
        <translation>هذا المستند ليس مصدر أخبار</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved</source>
        <translation>القرص ممتلئ: لم يُحفظ التغيير</translation>
    </message>
    <message>
        <source>The database is damaged: restart Newsreader to repair it</source>
        <translation>قاعدة البيانات تالفة: أعد تشغيل قارئ الأخبار لإصلاحها</translation>
    </message>
    <message>
        <source>The database is busy: try again in a moment</source>
        <translation>قاعدة البيانات مشغولة: حاول مرة أخرى بعد قليل</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Newsreader</source>
        <extracomment>Waits that gather bursts of events into one re-read (longer while a refresh runs). The time column is repainted this often so &quot;5 minutes ago&quot; stays true. Pages read at most while looking for the next unread article. Only these link schemes are handed to the system. Keys that leave the filter box for the list.</extracomment>
        <translation>قارئ الأخبار</translation>
    </message>
    <message>
        <source>Local profile</source>
        <translation>الملف الشخصي المحلي</translation>
    </message>
    <message numerus="yes">
        <source>Rebuilding the search index: %n articles left</source>
        <translation>
            <numerusform>يُعاد بناء فهرس البحث: لم يبقَ شيء</numerusform>
            <numerusform>يُعاد بناء فهرس البحث: بقي خبر واحد</numerusform>
            <numerusform>يُعاد بناء فهرس البحث: بقي خبران</numerusform>
            <numerusform>يُعاد بناء فهرس البحث: بقيت %n أخبار</numerusform>
            <numerusform>يُعاد بناء فهرس البحث: بقي %n خبرًا</numerusform>
            <numerusform>يُعاد بناء فهرس البحث: بقي %n خبر</numerusform>
        </translation>
    </message>
    <message>
        <source>The search index is being made again for this version; until it is done, a search finds the newest articles but not yet the oldest</source>
        <translation>يُبنى فهرس البحث من جديد لهذا الإصدار؛ وإلى أن يكتمل يجد البحث أحدث الأخبار دون أقدمها</translation>
    </message>
    <message>
        <source>Articles are kept in this computer&apos;s profile</source>
        <translation>تُحفظ الأخبار في الملف الشخصي على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Shared cache: %1</source>
        <translation>المخزن المشترك: %1</translation>
    </message>
    <message>
        <source>Articles come from the shared cache on %1; this window does not fetch on its own (Refresh still does)</source>
        <translation>تأتي الأخبار من المخزن المشترك على %1؛ لا تجلب هذه النافذة الأخبار من تلقاء نفسها (أمر التحديث يجلبها)</translation>
    </message>
    <message>
        <source>Cannot reach the shared cache %1; retrying. Marks you make meanwhile are kept and written when it is back.</source>
        <translation>تعذّر الوصول إلى المخزن المشترك %1، وتجري إعادة المحاولة. العلامات التي تضعها في الأثناء تُحفظ وتُكتب حين يعود.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>ال&amp;خبر</translation>
    </message>
    <message>
        <source>F&amp;eeds</source>
        <translation>ال&amp;مصادر</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>شريط الأدوات</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>إظهار &amp;شريط الأدوات</translation>
    </message>
    <message>
        <source>Filter headlines</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>بحث: %1</translation>
    </message>
    <message>
        <source>Search  ( Ctrl+F )</source>
        <translation>بحث  ( Ctrl+F )</translation>
    </message>
    <message>
        <source>Words must all match; &quot;exact phrase&quot;, OR, -word, feed:NAME, topic:NAME, before:YYYY-MM-DD and after:YYYY-MM-DD narrow the search.</source>
        <translation>يجب أن تطابق كل الكلمات؛ و&quot;عبارة بعينها&quot; وOR و‎-كلمة وfeed:اسم وtopic:اسم وbefore:YYYY-MM-DD وafter:YYYY-MM-DD تضيّق البحث.</translation>
    </message>
    <message>
        <source>Save as Topic</source>
        <translation>حفظ كموضوع</translation>
    </message>
    <message>
        <source>Save this search as a topic</source>
        <translation>حفظ هذا البحث موضوعًا</translation>
    </message>
    <message>
        <source>Show only articles whose headline or summary has these words</source>
        <translation>إظهار الأخبار التي يحتوي عنوانها أو ملخصها على هذه الكلمات فقط</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>&amp;Comments Panel</source>
        <translation>لوحة ال&amp;تعليقات</translation>
    </message>
    <message>
        <source>Last update failed: %1</source>
        <translation>فشل آخر تحديث: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>لا أخبار</numerusform>
            <numerusform>خبر واحد</numerusform>
            <numerusform>خبران</numerusform>
            <numerusform>%n أخبار</numerusform>
            <numerusform>%n خبرًا</numerusform>
            <numerusform>%n خبر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>الكل مقروء</numerusform>
            <numerusform>واحد غير مقروء</numerusform>
            <numerusform>اثنان غير مقروءين</numerusform>
            <numerusform>%n غير مقروءة</numerusform>
            <numerusform>%n غير مقروء</numerusform>
            <numerusform>%n غير مقروء</numerusform>
        </translation>
    </message>
    <message>
        <source>No more unread articles in this view</source>
        <translation>لا مزيد من الأخبار غير المقروءة في هذا العرض</translation>
    </message>
    <message>
        <source>Mark as Read</source>
        <translation>تعليم كمقروء</translation>
    </message>
    <message>
        <source>Mark as Unread</source>
        <translation>تعليم كغير مقروء</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>إضافة نجمة</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>إزالة النجمة</translation>
    </message>
    <message>
        <source>Mark All as Read</source>
        <translation>تعليم الكل كمقروء</translation>
    </message>
    <message numerus="yes">
        <source>%n articles marked as read</source>
        <translation>
            <numerusform>لم يُعلَّم أي خبر كمقروء</numerusform>
            <numerusform>عُلِّم خبر واحد كمقروء</numerusform>
            <numerusform>عُلِّم خبران كمقروءين</numerusform>
            <numerusform>عُلِّمت %n أخبار كمقروءة</numerusform>
            <numerusform>عُلِّم %n خبرًا كمقروء</numerusform>
            <numerusform>عُلِّم %n خبر كمقروء</numerusform>
        </translation>
    </message>
    <message>
        <source>A refresh is already running</source>
        <translation>التحديث جارٍ بالفعل</translation>
    </message>
    <message numerus="yes">
        <source>%n new articles</source>
        <translation>
            <numerusform>لا أخبار جديدة</numerusform>
            <numerusform>خبر جديد واحد</numerusform>
            <numerusform>خبران جديدان</numerusform>
            <numerusform>%n أخبار جديدة</numerusform>
            <numerusform>%n خبرًا جديدًا</numerusform>
            <numerusform>%n خبر جديد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in important sections</source>
        <translation>
            <numerusform>لا شيء في الأقسام المهمة</numerusform>
            <numerusform>واحد في الأقسام المهمة</numerusform>
            <numerusform>اثنان في الأقسام المهمة</numerusform>
            <numerusform>%n في الأقسام المهمة</numerusform>
            <numerusform>%n في الأقسام المهمة</numerusform>
            <numerusform>%n في الأقسام المهمة</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the demo articles…</source>
        <translation>جارٍ تحميل الأخبار التجريبية…</translation>
    </message>
    <message>
        <source>Demo loaded</source>
        <translation>حُمِّلت الأخبار التجريبية</translation>
    </message>
    <message>
        <source>The demo could not be loaded</source>
        <translation>تعذّر تحميل الأخبار التجريبية</translation>
    </message>
    <message>
        <source>Welcome! You are reading demo articles. Subscribe to a set of suggested news sources, or add your own.</source>
        <translation>أهلًا بك! أنت تقرأ أخبارًا تجريبية. اشترك في مجموعة من المصادر الإخبارية المقترحة، أو أضف مصادرك.</translation>
    </message>
    <message numerus="yes">
        <source>%n subscriptions added</source>
        <translation>
            <numerusform>لم يُضَف أي اشتراك</numerusform>
            <numerusform>أُضيف اشتراك واحد</numerusform>
            <numerusform>أُضيف اشتراكان</numerusform>
            <numerusform>أُضيفت %n اشتراكات</numerusform>
            <numerusform>أُضيف %n اشتراكًا</numerusform>
            <numerusform>أُضيف %n اشتراك</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Subscriptions</source>
        <translation>استيراد الاشتراكات</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>ملفات OPML (*.opml *.xml);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Export Subscriptions</source>
        <translation>تصدير الاشتراكات</translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation>ملفات OPML (*.opml)</translation>
    </message>
    <message numerus="yes">
        <source>%n subscriptions exported</source>
        <translation>
            <numerusform>لم يُصدَّر أي اشتراك</numerusform>
            <numerusform>صُدِّر اشتراك واحد</numerusform>
            <numerusform>صُدِّر اشتراكان</numerusform>
            <numerusform>صُدِّرت %n اشتراكات</numerusform>
            <numerusform>صُدِّر %n اشتراكًا</numerusform>
            <numerusform>صُدِّر %n اشتراك</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>إلغاء الاشتراك</translation>
    </message>
    <message>
        <source>Unsubscribe from “%1” and delete its articles?</source>
        <translation>إلغاء الاشتراك في «%1» وحذف أخباره؟</translation>
    </message>
    <message>
        <source>Refresh This Feed</source>
        <translation>تحديث هذا المصدر</translation>
    </message>
    <message>
        <source>Rename Topic…</source>
        <translation>إعادة تسمية الموضوع…</translation>
    </message>
    <message>
        <source>Rename Topic</source>
        <translation>إعادة تسمية الموضوع</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>الاسم الجديد لـ«%1»:</translation>
    </message>
    <message>
        <source>Merge Into</source>
        <translation>دمج في</translation>
    </message>
    <message>
        <source>Hide Topic</source>
        <translation>إخفاء الموضوع</translation>
    </message>
    <message>
        <source>Not Part of This Story</source>
        <translation>ليس من هذه القصة</translation>
    </message>
    <message>
        <source>Merge with Story…</source>
        <translation>دمج مع قصة…</translation>
    </message>
    <message>
        <source>Split Story</source>
        <translation>تقسيم القصة</translation>
    </message>
    <message>
        <source>Merge with Story</source>
        <translation>دمج مع قصة</translation>
    </message>
    <message>
        <source>Merge “%1” with:</source>
        <translation>دمج «%1» مع:</translation>
    </message>
    <message>
        <source>Show Hidden Topic</source>
        <translation>إظهار موضوع مخفي</translation>
    </message>
    <message>
        <source>Remove Topic</source>
        <translation>حذف الموضوع</translation>
    </message>
    <message>
        <source>Open Web Site</source>
        <translation>فتح الموقع</translation>
    </message>
    <message>
        <source>About Newsreader</source>
        <translation>عن قارئ الأخبار</translation>
    </message>
    <message>
        <source>Newsreader %1

An Arabic-first news reader: many sources, offline, right to left, no ads or scripts.</source>
        <translation>قارئ الأخبار %1

قارئ أخبار يضع العربية أولًا: مصادر كثيرة، وقراءة دون اتصال، ومن اليمين إلى اليسار، بلا إعلانات ولا نصوص برمجية.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>حدث خطأ: %1</translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <source>Edited %1</source>
        <translation>عُدّلت %1</translation>
    </message>
</context>
<context>
    <name>NoteListModel</name>
    <message>
        <source>Written %1</source>
        <translation>كُتبت %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>عُدّلت %1</translation>
    </message>
</context>
<context>
    <name>NotesEditor</name>
    <message>
        <source>Write something first: an empty note is not kept.</source>
        <translation>اكتب شيئًا أولًا: الملاحظة الفارغة لا تُحفظ.</translation>
    </message>
    <message>
        <source>Your own notes on this article; they stay on this computer</source>
        <translation>ملاحظاتك الخاصة على هذا الخبر؛ تبقى على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Change the selected note</source>
        <translation>تعديل الملاحظة المحددة</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete the selected note</source>
        <translation>حذف الملاحظة المحددة</translation>
    </message>
    <message>
        <source>Delete this note?</source>
        <translation>أتحذف هذه الملاحظة؟</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>إبقاء</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Write a private note on this article (it is never sent anywhere)</source>
        <translation>اكتب ملاحظة خاصة على هذا الخبر (لا تُرسل إلى أي مكان)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>نص الملاحظة</translation>
    </message>
    <message>
        <source>The note could not be saved: %1</source>
        <translation>تعذّر حفظ الملاحظة: %1</translation>
    </message>
    <message>
        <source>Something went wrong with the notes.</source>
        <translation>حدث خطأ في الملاحظات.</translation>
    </message>
    <message numerus="yes">
        <source>Private notes (%n)</source>
        <translation>
            <numerusform>ملاحظات خاصة</numerusform>
            <numerusform>ملاحظة خاصة واحدة</numerusform>
            <numerusform>ملاحظتان خاصتان</numerusform>
            <numerusform>%n ملاحظات خاصة</numerusform>
            <numerusform>%n ملاحظة خاصة</numerusform>
            <numerusform>%n ملاحظة خاصة</numerusform>
        </translation>
    </message>
    <message>
        <source>Private notes</source>
        <translation>ملاحظات خاصة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <source>Save the changed note (Ctrl+Enter)</source>
        <translation>حفظ الملاحظة المعدّلة (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Keep this note with the article (Ctrl+Enter)</source>
        <translation>حفظ هذه الملاحظة مع الخبر (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Preferences</source>
        <extracomment>Language choices: (setting value, name shown in its own language when it is a language).</extracomment>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
</context>
<context>
    <name>PreferencesForm</name>
    <message>
        <source>&amp;Whole articles for new feeds:</source>
        <translation>الأخبار &amp;كاملة للمصادر الجديدة:</translation>
    </message>
    <message>
        <source>Fetch each article&apos;s page after the news, for reading offline. Each feed can be set from its menu in the sidebar.</source>
        <translation>جلب صفحة كل خبر بعد الأخبار، للقراءة دون اتصال. ويمكن ضبط كل مصدر من قائمته في الشريط الجانبي.</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>الم&amp;ظهر:</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>القراءة</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>ال&amp;لغة:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>حجم ال&amp;خط:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>&amp;Mark as read after:</source>
        <translation>التعليم ك&amp;مقروء بعد:</translation>
    </message>
    <message>
        <source>Immediately</source>
        <translation>فورًا</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ث</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>التحديثات</translation>
    </message>
    <message>
        <source>&amp;Check for new articles every:</source>
        <translation>ال&amp;بحث عن أخبار جديدة كل:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>&amp;Notify me of new articles in Live and in important sections</source>
        <translation>&amp;نبّهني إلى الأخبار الجديدة في «مباشر» وفي الأقسام المهمة</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>التخزين</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>مجلد البيانات:</translation>
    </message>
    <message>
        <source>&amp;Keep the pictures of new articles for offline reading</source>
        <translation>&amp;احفظ صور الأخبار الجديدة للقراءة دون اتصال</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>First seen %1</source>
        <translation>رُصد أول مرة %1</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%n تعليقات</numerusform>
            <numerusform>%n تعليقًا</numerusform>
            <numerusform>%n تعليق</numerusform>
        </translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>This article is no longer available.</source>
        <translation>هذا الخبر لم يعد متاحًا.</translation>
    </message>
    <message>
        <source>Image not available offline</source>
        <translation>الصورة غير متاحة دون اتصال</translation>
    </message>
    <message>
        <source>Related news</source>
        <translation>أخبار ذات صلة</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>فيديو</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>صوت</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>فتح في المتصفح</translation>
    </message>
    <message>
        <source>Read the full article on the website</source>
        <translation>اقرأ الخبر كاملًا على الموقع</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>المواضيع</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>Select an article</source>
        <translation>اختر خبرًا</translation>
    </message>
    <message>
        <source>d MMMM yyyy, HH:mm</source>
        <translation>d MMMM yyyy، HH:mm</translation>
    </message>
</context>
<context>
    <name>RefreshStatus</name>
    <message>
        <source>Checking for new articles…</source>
        <extracomment>Words in a fetch error that mean the network itself failed, not the feed.</extracomment>
        <translation>جارٍ البحث عن أخبار جديدة…</translation>
    </message>
    <message>
        <source>Updating feeds: %1 of %2</source>
        <translation>تحديث المصادر: %1 من %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>لا جديد</numerusform>
            <numerusform>واحد جديد</numerusform>
            <numerusform>اثنان جديدان</numerusform>
            <numerusform>%n جديدة</numerusform>
            <numerusform>%n جديدًا</numerusform>
            <numerusform>%n جديد</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is up to date</source>
        <translation>كل شيء محدَّث</translation>
    </message>
    <message numerus="yes">
        <source>%n new articles</source>
        <translation>
            <numerusform>لا أخبار جديدة</numerusform>
            <numerusform>خبر جديد واحد</numerusform>
            <numerusform>خبران جديدان</numerusform>
            <numerusform>%n أخبار جديدة</numerusform>
            <numerusform>%n خبرًا جديدًا</numerusform>
            <numerusform>%n خبر جديد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feeds failed</source>
        <translation>
            <numerusform>لم يفشل أي مصدر</numerusform>
            <numerusform>فشل مصدر واحد</numerusform>
            <numerusform>فشل مصدران</numerusform>
            <numerusform>فشلت %n مصادر</numerusform>
            <numerusform>فشل %n مصدرًا</numerusform>
            <numerusform>فشل %n مصدر</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>فشل التحديث: %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>No feed could be reached: the computer seems to be offline.</source>
        <translation>تعذّر الوصول إلى أي مصدر: يبدو أن الجهاز غير متصل بالإنترنت.</translation>
    </message>
    <message>
        <source>Stop refreshing</source>
        <translation>إيقاف التحديث</translation>
    </message>
    <message>
        <source>Pictures: %1 of %2</source>
        <translation>الصور: %1 من %2</translation>
    </message>
    <message numerus="yes">
        <source>%n sites unreachable</source>
        <translation>
            <numerusform>لا مواقع متعذّرة</numerusform>
            <numerusform>موقع واحد تعذّر الوصول إليه</numerusform>
            <numerusform>موقعان تعذّر الوصول إليهما</numerusform>
            <numerusform>%n مواقع تعذّر الوصول إليها</numerusform>
            <numerusform>%n موقعًا تعذّر الوصول إليها</numerusform>
            <numerusform>%n موقع تعذّر الوصول إليها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pictures left for the next refresh</source>
        <translation>
            <numerusform>لم تبقَ صور للتحديث التالي</numerusform>
            <numerusform>صورة واحدة مؤجلة إلى التحديث التالي</numerusform>
            <numerusform>صورتان مؤجلتان إلى التحديث التالي</numerusform>
            <numerusform>%n صور مؤجلة إلى التحديث التالي</numerusform>
            <numerusform>%n صورة مؤجلة إلى التحديث التالي</numerusform>
            <numerusform>%n صورة مؤجلة إلى التحديث التالي</numerusform>
        </translation>
    </message>
    <message>
        <source>Pictures stopped</source>
        <translation>أُوقف تنزيل الصور</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ولا غيرها</numerusform>
            <numerusform>وموقع آخر</numerusform>
            <numerusform>وموقعان آخران</numerusform>
            <numerusform>و%n مواقع أخرى</numerusform>
            <numerusform>و%n موقعًا آخر</numerusform>
            <numerusform>و%n موقع آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>Pictures from these sites will be tried again next time:</source>
        <translation>ستُجرَّب صور هذه المواقع مجددًا في التحديث التالي:</translation>
    </message>
</context>
<context>
    <name>RefreshRelay</name>
    <message>
        <source>The refresh stopped unexpectedly (exit code %1)</source>
        <extracomment>How long :meth:`RefreshService.shutdown` waits for a refresh to notice its cancel. A refresh process still running this long after being cancelled is terminated. How often the refresh thread looks for a cancel while waiting for the process. How much nicer than the GUI the refresh thread is (Linux nice steps, 19 at most); the threads and processes it starts inherit it. How much nicer than the GUI the threads running tasks are (counting, re-reading). Remembers, per pool thread, that its priority was lowered already. What a refresh reports, in order: ``(&quot;started&quot;,)``, ``(&quot;progress&quot;, FeedResult, done, total)``..., then ``(&quot;finished&quot;, RefreshSummary)`` or ``(&quot;failed&quot;, message)``, then ``(&quot;icons&quot;, count)`` and ``(&quot;comments&quot;, count)`` when there were any.</extracomment>
        <translation>توقف التحديث على نحو غير متوقع (رمز الخروج %1)</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>منذ أقل من دقيقة</numerusform>
            <numerusform>منذ دقيقة</numerusform>
            <numerusform>منذ دقيقتين</numerusform>
            <numerusform>منذ %n دقائق</numerusform>
            <numerusform>منذ %n دقيقة</numerusform>
            <numerusform>منذ %n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>منذ أقل من ساعة</numerusform>
            <numerusform>منذ ساعة</numerusform>
            <numerusform>منذ ساعتين</numerusform>
            <numerusform>منذ %n ساعات</numerusform>
            <numerusform>منذ %n ساعة</numerusform>
            <numerusform>منذ %n ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>اليوم</numerusform>
            <numerusform>منذ يوم</numerusform>
            <numerusform>منذ يومين</numerusform>
            <numerusform>منذ %n أيام</numerusform>
            <numerusform>منذ %n يومًا</numerusform>
            <numerusform>منذ %n يوم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerWait</name>
    <message>
        <source>Try Now</source>
        <translation>حاول الآن</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Cannot reach the shared cache:</source>
        <translation>تعذر الوصول إلى المخزن المشترك:</translation>
    </message>
    <message>
        <source>Newsreader keeps trying and opens as soon as the server answers.</source>
        <translation>يواصل قارئ الأخبار المحاولة، ويفتح حالما يستجيب الخادم.</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>All articles</source>
        <extracomment>The invisible root, as a default argument. Stable key of a node (``smart:all``, ``feed:3``, ``topic:Economy`` ...): str. What the node is: a :class:`NodeKind` value. Unread articles under the node: int. All articles under the node: int. The number the delegate paints in the badge (0: no badge): int. What went wrong fetching the feed (or a folder&apos;s feeds), or None: str | None. The :class:`~newsreader.core.types.ArticleQuery` the node shows, or None for headers. The feed id of feed and pinned nodes, else None. Whether a feed node&apos;s feed is pinned: bool. Secondary text painted after the label (topics: &quot;56 articles&quot;): str. Topics shown at most (the biggest first); the rest stay reachable through feeds. False until the counts were read (the skeleton shown while they are).</extracomment>
        <translation>كل الأخبار</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>غير المقروءة</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>المميّزة بنجمة</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>فيديوهات</translation>
    </message>
    <message>
        <source>Important sections</source>
        <translation>أقسام مهمة</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>المواضيع</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>القصص</translation>
    </message>
    <message numerus="yes">
        <source>%n more stories</source>
        <translation>
            <numerusform>لا قصص أخرى</numerusform>
            <numerusform>قصة أخرى</numerusform>
            <numerusform>قصتان أخريان</numerusform>
            <numerusform>%n قصص أخرى</numerusform>
            <numerusform>%n قصة أخرى</numerusform>
            <numerusform>%n قصة أخرى</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more topics</source>
        <translation>
            <numerusform>لا مواضيع أخرى</numerusform>
            <numerusform>موضوع آخر</numerusform>
            <numerusform>موضوعان آخران</numerusform>
            <numerusform>%n مواضيع أخرى</numerusform>
            <numerusform>%n موضوعًا آخر</numerusform>
            <numerusform>%n موضوع آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>لا أخبار</numerusform>
            <numerusform>خبر واحد</numerusform>
            <numerusform>خبران</numerusform>
            <numerusform>%n أخبار</numerusform>
            <numerusform>%n خبرًا</numerusform>
            <numerusform>%n خبر</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest articles from every source, updated as they arrive</source>
        <translation>أحدث الأخبار من جميع المصادر، تُحدَّث فور وصولها</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>الكل مقروء</numerusform>
            <numerusform>واحد غير مقروء</numerusform>
            <numerusform>اثنان غير مقروءين</numerusform>
            <numerusform>%n غير مقروءة</numerusform>
            <numerusform>%n غير مقروء</numerusform>
            <numerusform>%n غير مقروء</numerusform>
        </translation>
    </message>
    <message>
        <source>Last update failed: %1</source>
        <translation>فشل آخر تحديث: %1</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <source>The database is damaged.</source>
        <translation>قاعدة البيانات تالفة.</translation>
    </message>
    <message>
        <source>Newsreader can set the damaged file aside, keeping it, and start a new database with your subscriptions, read and starred marks and notes read back from it. Articles come back with the next refresh.</source>
        <translation>يستطيع قارئ الأخبار أن ينحّي الملف التالف جانبًا ويحتفظ به، ثم يبدأ قاعدة بيانات جديدة فيها اشتراكاتك وعلامات القراءة والتمييز بنجمة وملاحظاتك مقروءةً منه. وتعود الأخبار مع التحديث التالي.</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>إ&amp;صلاح</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s) restored.</source>
        <translation>
            <numerusform>لم يُستعد أي اشتراك.</numerusform>
            <numerusform>استُعيد اشتراك واحد.</numerusform>
            <numerusform>استُعيد اشتراكان.</numerusform>
            <numerusform>استُعيدت %n اشتراكات.</numerusform>
            <numerusform>استُعيد %n اشتراكًا.</numerusform>
            <numerusform>استُعيد %n اشتراك.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marks and notes of %n article(s) come back as the feeds are refreshed.</source>
        <translation>
            <numerusform>لا علامات ولا ملاحظات لاستعادتها.</numerusform>
            <numerusform>تعود علامات خبر واحد وملاحظاته مع تحديث المصادر.</numerusform>
            <numerusform>تعود علامات خبرين وملاحظاتهما مع تحديث المصادر.</numerusform>
            <numerusform>تعود علامات %n أخبار وملاحظاتها مع تحديث المصادر.</numerusform>
            <numerusform>تعود علامات %n خبرًا وملاحظاتها مع تحديث المصادر.</numerusform>
            <numerusform>تعود علامات %n خبر وملاحظاتها مع تحديث المصادر.</numerusform>
        </translation>
    </message>
    <message>
        <source>The damaged file is kept as %1.</source>
        <translation>احتُفظ بالملف التالف باسم %1.</translation>
    </message>
    <message>
        <source>Notes whose article could not be read are in %1.</source>
        <translation>الملاحظات التي تعذّرت قراءة أخبارها موجودة في %1.</translation>
    </message>
    <message>
        <source>Restored from the backup %1.</source>
        <translation>استُعيدت من النسخة الاحتياطية %1.</translation>
    </message>
    <message>
        <source>The database is missing.</source>
        <translation>قاعدة البيانات مفقودة.</translation>
    </message>
    <message>
        <source>A backup of your subscriptions, read and starred marks and notes is kept. Newsreader can start a new database from the newest one. Articles come back with the next refresh.</source>
        <translation>لديك نسخة احتياطية من اشتراكاتك وعلامات القراءة والتمييز بنجمة وملاحظاتك. يستطيع قارئ الأخبار أن يبدأ قاعدة بيانات جديدة من أحدثها. وتعود الأخبار مع التحديث التالي.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>ا&amp;ستعادة</translation>
    </message>
    <message>
        <source>Start &amp;Empty</source>
        <translation>البدء &amp;فارغًا</translation>
    </message>
</context>
<context>
    <name>WholeArticleBar</name>
    <message>
        <source>The whole article, from the site</source>
        <translation>الخبر كاملًا، من الموقع</translation>
    </message>
    <message>
        <source>Show the feed&apos;s version</source>
        <translation>عرض نص الخلاصة</translation>
    </message>
    <message>
        <source>The feed&apos;s version</source>
        <translation>نص الخلاصة</translation>
    </message>
    <message>
        <source>Show the whole article</source>
        <translation>عرض الخبر كاملًا</translation>
    </message>
    <message>
        <source>Fetching the whole article…</source>
        <translation>جارٍ جلب الخبر كاملًا…</translation>
    </message>
    <message>
        <source>The whole article could not be fetched: %1</source>
        <translation>تعذّر جلب الخبر كاملًا: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Only the feed&apos;s version is saved</source>
        <translation>المحفوظ نص الخلاصة وحده</translation>
    </message>
    <message>
        <source>Fetch the whole article</source>
        <translation>جلب الخبر كاملًا</translation>
    </message>
</context>
<context>
    <name>WholeArticles</name>
    <message>
        <source>Whole Articles</source>
        <translation>الأخبار كاملة</translation>
    </message>
    <message>
        <source>Off: the Feed&apos;s Text Only</source>
        <translation>إيقاف: نص الخلاصة وحده</translation>
    </message>
    <message>
        <source>Automatic: When the Feed Gives Only Summaries</source>
        <translation>تلقائي: حين لا تعطي الخلاصة إلا ملخصات</translation>
    </message>
    <message>
        <source>On: Every Article</source>
        <translation>تشغيل: كل خبر</translation>
    </message>
</context>
</TS>
