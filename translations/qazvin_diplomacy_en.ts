<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <!-- Only the counts' plural forms: every other English text is the source text itself. -->
  <context>
    <name>ResolutionTableModel</name>
    <message numerus="yes">
      <source>%n days late</source>
      <translation>
        <numerusform>%n day late</numerusform>
        <numerusform>%n days late</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ResolutionsView</name>
    <message numerus="yes">
      <source>%n resolutions</source>
      <translation>
        <numerusform>%n resolution</numerusform>
        <numerusform>%n resolutions</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MeetingResolutions</name>
    <message numerus="yes">
      <source>%n resolutions</source>
      <translation>
        <numerusform>%n resolution</numerusform>
        <numerusform>%n resolutions</numerusform>
      </translation>
    </message>
  </context>
</TS>
