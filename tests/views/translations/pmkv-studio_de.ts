<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Two strings in German, for tst_translations (not a translation of the app). -->
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>pmkv::MainWindow</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
</context>
<context>
    <name>pmkv::StepCaption</name>
    <message>
        <source>Resume the run</source>
        <translation>Den Lauf fortsetzen</translation>
    </message>
</context>
</TS>
