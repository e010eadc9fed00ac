<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttachmentEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="321"/>
        <source>Add evidence for this item…</source>
        <translation>为本检查项添加证据…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="331"/>
        <source>%n file(s) linked</source>
        <translation>
            <numerusform>已关联 %n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/camera_dialog.py" line="17"/>
        <source>Camera</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/camera_dialog.py" line="26"/>
        <source>&amp;Take photo (Space)</source>
        <translation>拍照(&amp;T) (Space)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/camera_dialog.py" line="28"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="142"/>
        <source>%v of %m items answered (%p%)</source>
        <translation>已作答 %v / %m 项（%p%）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="143"/>
        <source>Compliant %1 · Violations %2 · N/A %3</source>
        <translation>符合 %1 · 违规 %2 · 不适用 %3</translation>
    </message>
</context>
<context>
    <name>ChecklistTreeModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="126"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="126"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="160"/>
        <source>, %n violation(s)</source>
        <translation>
            <numerusform>，违规 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChoiceButtonsEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="60"/>
        <source>&amp;Yes (Y)</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="60"/>
        <source>&amp;No (N)</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="62"/>
        <source>Not &amp;applicable (A)</source>
        <translation>不适用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="250"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="183"/>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="186"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>EvidenceListModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="60"/>
        <source>Captured %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="63"/>
        <source>GPS %1, %2</source>
        <translation>GPS %1, %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="73"/>
        <source>Audio/video</source>
        <translation>录音录像</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="52"/>
        <source>&amp;Add files… (Ctrl+O)</source>
        <translation>添加文件(&amp;A)… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="54"/>
        <source>&amp;Paste image (Ctrl+V)</source>
        <translation>粘贴图片(&amp;P) (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="55"/>
        <source>&amp;Camera…</source>
        <translation>拍照(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="56"/>
        <source>Ca&amp;ption…</source>
        <translation>说明(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="57"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="66"/>
        <source>Drop photos, scans or recordings here. Originals are kept byte-identical under their SHA-256.</source>
        <translation>可将照片、扫描件或录音录像拖放到此处。原始文件按 SHA-256 原样保存，不作任何改动。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="88"/>
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="104"/>
        <source>Already recorded (not stored twice): %1</source>
        <translation>已登记过（不重复保存）：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="107"/>
        <source>Refused:</source>
        <translation>未导入：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="110"/>
        <source>Import cancelled; the files already imported are kept.</source>
        <translation>导入已取消；已导入的文件予以保留。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="113"/>
        <source>Evidence import</source>
        <translation>导入证据</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="114"/>
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="163"/>
        <source>Caption</source>
        <translation>证据说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="163"/>
        <source>What does this evidence show?</source>
        <translation>该证据反映了什么内容？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="173"/>
        <source>Remove evidence</source>
        <translation>移除证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="174"/>
        <source>Why is this evidence removed? (kept in the whole-process record)</source>
        <translation>移除该证据的原因？（将记入全过程记录）</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="55"/>
        <source>Size: %1 bytes</source>
        <translation>大小：%1 字节</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="57"/>
        <source>Captured: %1</source>
        <translation>拍摄时间：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="60"/>
        <source>GPS: %1, %2</source>
        <translation>GPS：%1, %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="63"/>
        <source>Camera: %1</source>
        <translation>拍摄设备：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="65"/>
        <source>Imported file (not taken with this app&apos;s camera)</source>
        <translation>导入的文件（非本应用拍摄）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="71"/>
        <source>Wheel or +/− to zoom, drag to pan, 0 to fit</source>
        <translation>滚轮或 +/− 缩放，拖动平移，按 0 适应窗口</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="27"/>
        <source>Edit finding</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="27"/>
        <source>Record a finding</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="50"/>
        <source>Checklist item:</source>
        <translation>检查项：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="51"/>
        <source>&amp;Description:</source>
        <translation>问题描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="52"/>
        <source>&amp;Severity:</source>
        <translation>严重程度(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="53"/>
        <source>Amount &amp;involved (yuan):</source>
        <translation>涉及金额(&amp;I)（元）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="54"/>
        <source>Amount to &amp;recover (yuan):</source>
        <translation>应追回金额(&amp;R)（元）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="55"/>
        <source>&amp;Legal basis:</source>
        <translation>法律依据(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="56"/>
        <source>&amp;Penalty article:</source>
        <translation>处罚条款(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="49"/>
        <source>&amp;New finding…</source>
        <translation>新增问题(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="50"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="51"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="71"/>
        <source>%n finding(s) · involved %1 yuan · to recover %2 yuan</source>
        <translation>
            <numerusform>问题 %n 个 · 涉及金额 %1 元 · 应追回金额 %2 元</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="109"/>
        <source>Remove finding</source>
        <translation>移除问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="110"/>
        <source>Remove this finding? It stays in the whole-process record.</source>
        <translation>确定移除该问题？该问题仍保留在全过程记录中。</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="44"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="44"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="44"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="44"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="45"/>
        <source>Amount involved (yuan)</source>
        <translation>涉及金额（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="45"/>
        <source>To recover (yuan)</source>
        <translation>应追回金额（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="45"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="52"/>
        <source>(free-standing)</source>
        <translation>（未关联检查项）</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <location filename="../../inspector_app/ui/import_job.py" line="32"/>
        <source>Importing evidence…</source>
        <translation>正在导入证据…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/import_job.py" line="32"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="35"/>
        <source>&amp;Finish on-site work</source>
        <translation>结束现场检查(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="38"/>
        <source>← Inspections (Alt+Left)</source>
        <translation>← 检查列表 (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="46"/>
        <source>Team &amp;&amp; procedure</source>
        <translation>检查组与程序</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="47"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="48"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="49"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="113"/>
        <source>Finish on-site work</source>
        <translation>结束现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="114"/>
        <source>Finish the on-site work? The record then waits for signatures; answers can still be corrected until it is signed.</source>
        <translation>确定结束现场检查？记录将转为待签字；签字前仍可更正作答。</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="65"/>
        <source>Institution</source>
        <translation>被检查机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="65"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="65"/>
        <source>Mode</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="65"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="66"/>
        <source>Team</source>
        <translation>检查组</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="66"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="66"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="66"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="80"/>
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n 项更改未同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="80"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="35"/>
        <source>Search institution, officer, type… (Ctrl+F)</source>
        <translation>搜索机构、执法人员、类型… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="39"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="43"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="46"/>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="72"/>
        <source>No inspections yet. Start one with “New inspection” (Ctrl+N).</source>
        <translation>暂无检查。请通过“新建检查”(Ctrl+N) 开始。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="118"/>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="56"/>
        <source>Verdict:</source>
        <translation>判定：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="59"/>
        <source>Compliant (Alt+C)</source>
        <translation>符合 (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="60"/>
        <source>Violation (Alt+V)</source>
        <translation>违规 (Alt+V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="61"/>
        <source>Not applicable (Alt+A)</source>
        <translation>不适用 (Alt+A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="71"/>
        <source>Note for this item (optional)</source>
        <translation>本检查项备注（选填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="74"/>
        <source>Record a finding… (Ctrl+Shift+F)</source>
        <translation>记录问题… (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="77"/>
        <source>Add evidence… (Ctrl+Shift+E)</source>
        <translation>添加证据… (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="102"/>
        <source>Choose an item on the left</source>
        <translation>请在左侧选择检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="121"/>
        <source>What to check: %1</source>
        <translation>检查内容：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="124"/>
        <source>Legal basis: %1</source>
        <translation>法律依据：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="126"/>
        <source>If violated: %1</source>
        <translation>处罚条款：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="128"/>
        <source>Threshold: %1</source>
        <translation>限值：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="130"/>
        <source>Evidence to collect: %1</source>
        <translation>应收集证据：%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="13"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="14"/>
        <source>On site</source>
        <translation>现场检查中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="15"/>
        <source>Awaiting signature</source>
        <translation>待签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="16"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="17"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="18"/>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="19"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="20"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="21"/>
        <source>Rectification</source>
        <translation>整改跟踪</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="22"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="23"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="29"/>
        <source>Routine audit</source>
        <translation>日常稽核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="30"/>
        <source>Special inspection</source>
        <translation>专项检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="31"/>
        <source>Unannounced inspection</source>
        <translation>飞行检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="32"/>
        <source>Random inspection</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="33"/>
        <source>Cross inspection</source>
        <translation>交叉检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="34"/>
        <source>Follow-up check</source>
        <translation>抽查复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="39"/>
        <source>Administrative inspection</source>
        <translation>行政检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="40"/>
        <source>Agency / agreement audit</source>
        <translation>经办稽核/协议检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="44"/>
        <source>Unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="45"/>
        <source>Compliant</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="46"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="47"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="52"/>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="53"/>
        <source>Serious</source>
        <translation>较重</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="54"/>
        <source>Grave</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="58"/>
        <source>Photograph</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="59"/>
        <source>Copy</source>
        <translation>复印</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="60"/>
        <source>Audio/video recording</source>
        <translation>录音录像</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="61"/>
        <source>Data extract</source>
        <translation>调取数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="62"/>
        <source>Sealing</source>
        <translation>封存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="66"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="67"/>
        <source>Township health centre</source>
        <translation>乡镇卫生院</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="68"/>
        <source>Community health centre</source>
        <translation>社区卫生服务中心</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="69"/>
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="70"/>
        <source>Village clinic</source>
        <translation>村卫生室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="71"/>
        <source>Retail pharmacy</source>
        <translation>零售药店</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="72"/>
        <source>Long-term care provider</source>
        <translation>长期护理机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="73"/>
        <source>Handling agency</source>
        <translation>经办机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="74"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="28"/>
        <source>Medical-insurance fund inspection</source>
        <translation>医保基金现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="38"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="72"/>
        <source>Officer: %1</source>
        <translation>执法人员：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/main_window.py" line="108"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="109"/>
        <source>All changes synced</source>
        <translation>所有更改已同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="122"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="132"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="133"/>
        <source>The new language applies the next time the app starts.</source>
        <translation>新语言将在下次启动应用时生效。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="136"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="136"/>
        <source>Medical-insurance fund inspection %1
Workspace: %2</source>
        <translation>医保基金现场检查 %1
工作目录：%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="39"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="41"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="44"/>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="45"/>
        <source>&amp;Open selected inspection</source>
        <translation>打开所选检查(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="46"/>
        <source>Inspection &amp;list</source>
        <translation>检查列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="47"/>
        <source>&amp;Search inspections</source>
        <translation>搜索检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="48"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="51"/>
        <source>&amp;Next item</source>
        <translation>下一检查项(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="52"/>
        <source>&amp;Previous item</source>
        <translation>上一检查项(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="53"/>
        <source>Next &amp;unanswered item</source>
        <translation>下一未作答项(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="56"/>
        <source>&amp;Who is using this laptop…</source>
        <translation>更换当前使用人(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="57"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="58"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="66"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="72"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="74"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="76"/>
        <source>&amp;Checklist</source>
        <translation>检查表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="78"/>
        <source>L&amp;anguage</source>
        <translation>语言(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="80"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="43"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="50"/>
        <source>Search by name, credit code, designation code or region…</source>
        <translation>按名称、统一社会信用代码、定点编码或地区搜索…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="71"/>
        <source>Defaults to the institution&apos;s address</source>
        <translation>默认为机构地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="93"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="98"/>
        <source>&amp;Institution:</source>
        <translation>被检查机构(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="102"/>
        <source>&amp;Type:</source>
        <translation>检查类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="103"/>
        <source>&amp;Mode:</source>
        <translation>检查性质(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="104"/>
        <source>&amp;Date and time:</source>
        <translation>检查时间(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="105"/>
        <source>&amp;Place:</source>
        <translation>检查地点(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="110"/>
        <source>Period under inspection:</source>
        <translation>检查时间范围：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="111"/>
        <source>Team (at least two officers with valid certificates)</source>
        <translation>检查组（至少两名持有效执法证的执法人员）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="113"/>
        <source>Checklists (suggested from the institution&apos;s category)</source>
        <translation>检查表（按机构类别推荐）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="145"/>
        <source>Choose the institution to inspect.</source>
        <translation>请选择被检查机构。</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="112"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="125"/>
        <source>Threshold: %1</source>
        <translation>限值：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="144"/>
        <source>Not a number</source>
        <translation>不是有效数字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="152"/>
        <source>Within the threshold (%1)</source>
        <translation>未超过限值（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="155"/>
        <source>Violation: exceeds the threshold (%1)</source>
        <translation>违规：超过限值（%1）</translation>
    </message>
</context>
<context>
    <name>OfficerCheckModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/roster_models.py" line="90"/>
        <source>(certificate expired %1)</source>
        <translation>（执法证已于 %1 过期）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/roster_models.py" line="95"/>
        <source>Certificate %1 expired on %2: this officer cannot take part in an inspection (Regulation art. 29).</source>
        <translation>执法证 %1 已于 %2 过期，该执法人员不得参加检查（《医疗保障基金使用监督管理条例》第二十九条）。</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="18"/>
        <source>Who is using this laptop?</source>
        <translation>当前使用人是谁？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="23"/>
        <source>Choose your name. Your actions are recorded under it in the whole-process record.</source>
        <translation>请选择您的姓名。您的操作将以该姓名记入全过程记录。</translation>
    </message>
</context>
<context>
    <name>SampleTableEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="124"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="126"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="58"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="72"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="72"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="40"/>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="40"/>
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="40"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="41"/>
        <source>Credentials shown</source>
        <translation>亮证时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="41"/>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="132"/>
        <source>Conflict of interest</source>
        <translation>回避情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="46"/>
        <source>Record credentials &amp;shown now</source>
        <translation>记录已亮证(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="47"/>
        <source>Declare &amp;no conflict</source>
        <translation>声明无需回避(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="48"/>
        <source>Declare a &amp;conflict…</source>
        <translation>申报回避事由(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="49"/>
        <source>&amp;Start on-site inspection</source>
        <translation>开始现场检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="76"/>
        <source>Period under inspection: %1 to %2</source>
        <translation>检查时间范围：%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="84"/>
        <source>not declared</source>
        <translation>未声明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="84"/>
        <source>none declared</source>
        <translation>无需回避</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="85"/>
        <source>conflict: %1</source>
        <translation>需回避：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="86"/>
        <source> (leader)</source>
        <translation>（组长）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="87"/>
        <source> — expired</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="104"/>
        <source>Ready: the team meets the two-officer rule, credentials were shown and every officer declared on conflicts of interest.</source>
        <translation>可以开始：检查组执法人员不少于两名，已亮证，且每名执法人员均已作出回避声明。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="133"/>
        <source>Describe the relationship with the inspected institution:</source>
        <translation>请说明与被检查机构的关系：</translation>
    </message>
</context>
<context>
    <name>TemplateCheckModel</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/models/roster_models.py" line="151"/>
        <source>%1  (%n item(s), version %2)</source>
        <translation>
            <numerusform>%1（%n 项，版本 %2）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/roster_models.py" line="153"/>
        <source>applicable</source>
        <translation>适用</translation>
    </message>
</context>
</TS>
