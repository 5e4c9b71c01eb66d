<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddFeedDialog</name>
    <message numerus="yes">
        <source>This site offers %n feed(s). Tick the ones to follow.</source>
        <translation>
            <numerusform>This site offers %n feed. Tick it to follow it.</numerusform>
            <numerusform>This site offers %n feeds. Tick the ones to follow.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message numerus="yes">
        <source>Comments (%n)</source>
        <translation>
            <numerusform>Comments (%n)</numerusform>
            <numerusform>Comments (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on the source&apos;s website</source>
        <translation>
            <numerusform>%n comment on the source&apos;s website</numerusform>
            <numerusform>%n comments on the source&apos;s website</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message numerus="yes">
        <source>The feed is damaged; %n article(s) could still be read</source>
        <translation>
            <numerusform>The feed is damaged; %n article could still be read</numerusform>
            <numerusform>The feed is damaged; %n articles could still be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) in this folder could not be updated</source>
        <translation>
            <numerusform>%n feed in this folder could not be updated</numerusform>
            <numerusform>%n feeds in this folder could not be updated</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebuilding the search index: %n articles left</source>
        <translation>
            <numerusform>Rebuilding the search index: %n article left</numerusform>
            <numerusform>Rebuilding the search index: %n articles left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles marked as read</source>
        <translation>
            <numerusform>%n article marked as read</numerusform>
            <numerusform>%n articles marked as read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new articles</source>
        <translation>
            <numerusform>%n new article</numerusform>
            <numerusform>%n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in important sections</source>
        <translation>
            <numerusform>%n in important sections</numerusform>
            <numerusform>%n in important sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscriptions added</source>
        <translation>
            <numerusform>%n subscription added</numerusform>
            <numerusform>%n subscriptions added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscriptions exported</source>
        <translation>
            <numerusform>%n subscription exported</numerusform>
            <numerusform>%n subscriptions exported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesEditor</name>
    <message numerus="yes">
        <source>Private notes (%n)</source>
        <translation>
            <numerusform>Private notes (%n)</numerusform>
            <numerusform>Private notes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefreshStatus</name>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new articles</source>
        <translation>
            <numerusform>%n new article</numerusform>
            <numerusform>%n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feeds failed</source>
        <translation>
            <numerusform>%n feed failed</numerusform>
            <numerusform>%n feeds failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sites unreachable</source>
        <translation>
            <numerusform>%n site unreachable</numerusform>
            <numerusform>%n sites unreachable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pictures left for the next refresh</source>
        <translation>
            <numerusform>%n picture left for the next refresh</numerusform>
            <numerusform>%n pictures left for the next refresh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message numerus="yes">
        <source>%n articles</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more stories</source>
        <translation>
            <numerusform>%n more story</numerusform>
            <numerusform>%n more stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more topics</source>
        <translation>
            <numerusform>%n more topic</numerusform>
            <numerusform>%n more topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message numerus="yes">
        <source>%n subscription(s) restored.</source>
        <translation>
            <numerusform>%n subscription restored.</numerusform>
            <numerusform>%n subscriptions restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marks and notes of %n article(s) come back as the feeds are refreshed.</source>
        <translation>
            <numerusform>Marks and notes of %n article come back as the feeds are refreshed.</numerusform>
            <numerusform>Marks and notes of %n articles come back as the feeds are refreshed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
</context>
</TS>
