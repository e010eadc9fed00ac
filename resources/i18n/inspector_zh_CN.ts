<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddendumDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="186"/>
        <source>Addendum to the signed record</source>
        <translation>签名笔录的补正说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="188"/>
        <source>The signed record is not changed. List each correction; read them to the party, record their signature or refusal, then sign the addendum.</source>
        <translation>已签名的笔录不作改动。请逐项列明更正内容，向当事人宣读并记录其签字或拒签，然后签署补正说明。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="196"/>
        <source>What is corrected</source>
        <translation>更正事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="196"/>
        <source>Recorded as</source>
        <translation>原记载</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="197"/>
        <source>Correct value</source>
        <translation>更正后内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="202"/>
        <source>&amp;Add correction</source>
        <translation>添加更正(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="204"/>
        <source>&amp;Remove correction</source>
        <translation>删除更正(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="206"/>
        <source>The party has not signed the addendum yet.</source>
        <translation>当事人尚未对补正说明签字。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="208"/>
        <source>&amp;Party signs / refuses…</source>
        <translation>当事人签字／拒签(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="218"/>
        <source>Reason:</source>
        <translation>补正理由：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="260"/>
        <source>✔ The party&apos;s answer to the addendum is recorded.</source>
        <translation>✔ 已记录当事人对补正说明的签字情况。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="266"/>
        <source>Give the reason for the addendum.</source>
        <translation>请填写补正理由。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="269"/>
        <source>Each correction needs what is corrected and its correct value.</source>
        <translation>每项更正须填写更正事项和更正后内容。</translation>
    </message>
</context>
<context>
    <name>AttachmentEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="291"/>
        <source>Add evidence for this item…</source>
        <translation>为本检查项添加证据…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="301"/>
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
    <message>
        <location filename="../../inspector_app/ui/dialogs/camera_dialog.py" line="33"/>
        <source>&amp;Stamp time, place, officer and number on the printed copy</source>
        <translation>在打印件上标注时间、地点、执法人员和编号(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/password_dialog.py" line="15"/>
        <source>Change password — %1</source>
        <translation>修改密码 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/password_dialog.py" line="24"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/password_dialog.py" line="25"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/password_dialog.py" line="26"/>
        <source>&amp;Repeat the new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/password_dialog.py" line="38"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="331"/>
        <source>%v of %m items answered (%p%)</source>
        <translation>已作答 %v / %m 项（%p%）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="54"/>
        <source>Find an item by id or words (Ctrl+F, Enter: next match)</source>
        <translation>按编号或文字查找检查项（Ctrl+F，回车：下一个匹配）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="210"/>
        <source>No item matches</source>
        <translation>没有匹配的检查项</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="212"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="257"/>
        <source>Rest of the section compliant</source>
        <translation>本节其余项符合</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="269"/>
        <source>%n item(s) marked compliant</source>
        <translation>
            <numerusform>已将 %n 项标为符合</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="271"/>
        <source>; left for a number: %1</source>
        <translation>；需填写数值的项未标：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="282"/>
        <source>%1 is more than 100%: a percentage cannot be above 100.</source>
        <translation>%1 超过 100%：百分比不能大于 100。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="283"/>
        <source>%1 looks like %2 with digits typed after it.</source>
        <translation>%1 像是在 %2 后面多输入了数字。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="284"/>
        <source>%1 is far above the other counts of this section (largest %2).</source>
        <translation>%1 远高于本节其他计数（最大为 %2）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="289"/>
        <source>Check this value</source>
        <translation>请核对数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="292"/>
        <source>Correct it</source>
        <translation>改正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="295"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_page.py" line="332"/>
        <source>Compliant %1 · Violations %2 · N/A %3 · %4 required, unanswered: %5</source>
        <translation>符合 %1 · 违规 %2 · 不适用 %3 · %4 必答未答：%5</translation>
    </message>
</context>
<context>
    <name>ChecklistTreeModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="200"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="200"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="93"/>
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="241"/>
        <source>, %n violation(s)</source>
        <translation>
            <numerusform>，违规 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_tree_model.py" line="232"/>
        <source>Required item</source>
        <translation>必答项</translation>
    </message>
</context>
<context>
    <name>ChoiceButtonsEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="40"/>
        <source>&amp;Yes (Y)</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="40"/>
        <source>&amp;No (N)</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="42"/>
        <source>Not &amp;applicable (A)</source>
        <translation>不适用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="220"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../inspector_app/casefile_cli.py" line="24"/>
        <source>for --case-file: the officer who seals it (name, 执法证号 or officer id; one of the record&apos;s officers or its team lead); asked for when omitted</source>
        <translation>用于 --case-file：封卷的执法人员（姓名、执法证号或执法人员编号；须为笔录中的执法人员或其组长）；省略时会询问</translation>
    </message>
    <message>
        <location filename="../../inspector_app/casefile_cli.py" line="30"/>
        <source>for --case-file: read the sealing certificate&apos;s password from standard input (default: INSPECTOR_SIGN_PASSWORD, else a prompt)</source>
        <translation>用于 --case-file：从标准输入读取封卷证书的密码（默认：INSPECTOR_SIGN_PASSWORD，否则提示输入）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="28"/>
        <location filename="../../inspector_app/verify_cli.py" line="19"/>
        <source>workspace directory (default: INSPECTOR_HOME, else the platform&apos;s user data directory)</source>
        <translation>工作区目录（默认：INSPECTOR_HOME，否则为系统的用户数据目录）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="38"/>
        <source>医保基金现场检查 — offline field-inspection client. Without a command, starts the desktop app.</source>
        <translation>医保基金现场检查——离线现场检查客户端。不带命令时启动桌面程序。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="43"/>
        <source>user-interface language (default: system locale)</source>
        <translation>界面语言（默认：按系统语言环境）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="47"/>
        <source>checklist library: list, validate, show</source>
        <translation>检查表库：列出、校验、查看</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="48"/>
        <source>Work with the checklist templates in forms/.</source>
        <translation>管理 forms/ 中的检查表模板。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="50"/>
        <source>list the templates that load, with item counts and content hashes</source>
        <translation>列出可加载的模板及其检查项数和内容哈希</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="52"/>
        <location filename="../../inspector_app/cli.py" line="78"/>
        <location filename="../../inspector_app/draw_cli.py" line="55"/>
        <location filename="../../inspector_app/draw_cli.py" line="62"/>
        <location filename="../../inspector_app/plans_cli.py" line="49"/>
        <location filename="../../inspector_app/plans_cli.py" line="53"/>
        <location filename="../../inspector_app/plans_cli.py" line="82"/>
        <location filename="../../inspector_app/leads_cli.py" line="41"/>
        <location filename="../../inspector_app/leads_cli.py" line="63"/>
        <source>machine-readable output</source>
        <translation>机器可读的输出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="53"/>
        <source>check template files and report every problem</source>
        <translation>校验模板文件并报告全部问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="54"/>
        <source>Exit status 0 when every file is valid, 1 otherwise.</source>
        <translation>全部文件有效时退出状态为 0，否则为 1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="56"/>
        <source>a .toml file or a folder of them</source>
        <translation>一个 .toml 文件或存放此类文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="58"/>
        <source>print one template as the app reads it</source>
        <translation>按程序读取的结果打印一个模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="60"/>
        <source>print the parsed template as JSON</source>
        <translation>以 JSON 打印解析后的模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="63"/>
        <source>create a demo workspace (fictional roster and sample inspections)</source>
        <translation>创建演示工作区（虚构的名录和示例检查）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="65"/>
        <source>Create a demo workspace: institutions of every category and level, officers (one with an expired certificate) and sample inspections.</source>
        <translation>创建演示工作区：各类别、各级别的机构，执法人员（其中一人证件已过期）和示例检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="69"/>
        <source>start the desktop app on the workspace afterwards</source>
        <translation>随后在该工作区上启动桌面程序</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="72"/>
        <source>list inspections in the workspace</source>
        <translation>列出工作区中的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="74"/>
        <source>list inspections with status, team and completion</source>
        <translation>列出检查及其状态、检查组和完成度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="84"/>
        <source>render the main screens to PNG (offscreen)</source>
        <translation>将主要界面渲染为 PNG（离屏）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="85"/>
        <source>Render the main screens of a workspace to PNG files, offscreen. Without --data-dir a temporary demo workspace is created.</source>
        <translation>以离屏方式将工作区的主要界面渲染为 PNG 文件。未指定 --data-dir 时创建临时演示工作区。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="89"/>
        <source>folder for the PNG files</source>
        <translation>存放 PNG 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="91"/>
        <source>interface language (default zh_CN)</source>
        <translation>界面语言（默认 zh_CN）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="95"/>
        <source>build the bundled Chinese fonts (Noto Sans SC) into the cache</source>
        <translation>将内置中文字体（Noto Sans SC）生成到缓存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="97"/>
        <source>Build static Noto Sans SC Regular/Bold from the installed variable font (OFL-1.1) for the interface and the PDF records. Runs once; later calls return at once.</source>
        <translation>从已安装的可变字体（OFL-1.1）生成静态 Noto Sans SC Regular/Bold，供界面和 PDF 笔录使用。只需运行一次；之后的调用立即返回。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli.py" line="102"/>
        <source>build (or check) the font cache</source>
        <translation>生成（或检查）字体缓存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="31"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="32"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="33"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="34"/>
        <source>show this help message and exit</source>
        <translation>显示此帮助并退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="35"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="36"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="37"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="38"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需参数：%s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="39"/>
        <source>one of the arguments %s is required</source>
        <translation>必须提供以下参数之一：%s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="40"/>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="41"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="42"/>
        <source>ignored explicit argument %r</source>
        <translation>忽略了显式参数 %r</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="43"/>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="44"/>
        <source>expected at most one argument</source>
        <translation>最多需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="45"/>
        <source>expected at least one argument</source>
        <translation>至少需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="46"/>
        <source>expected %s argument</source>
        <translation>需要 %s 个参数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="47"/>
        <source>expected %s arguments</source>
        <translation>需要 %s 个参数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="48"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项有歧义：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="49"/>
        <source>unexpected option string: %s</source>
        <translation>意外的选项字符串：%s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="50"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="51"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="52"/>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>未知的命令 %(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/cli_help.py" line="53"/>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="21"/>
        <source>双随机 draws of institutions and officers for a plan item</source>
        <translation>为计划事项双随机抽取机构和执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="23"/>
        <source>Draw institutions (weighted, minimum ratio, 90-day rule) and officers (valid certificates, 回避, cross-check region) for a plan item, reproducibly.</source>
        <translation>为计划事项抽取机构（加权、最低比例、90 日规则）和执法人员（证件有效、回避、交叉检查地区），结果可复现。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="27"/>
        <source>fix the seed, draw, and create the draft inspections</source>
        <translation>固定随机种子、抽取，并创建检查草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="29"/>
        <source>The seed is fixed and journaled first (printed before the pool), then the pool is built and the draw made; the result becomes draft inspections. With --sign the signed 随机抽查记录 is written to --out (password of the signing certificate from INSPECTOR_SIGN_PASSWORD or a prompt).</source>
        <translation>先固定随机种子并记入全过程记录（在抽取池之前打印），再建立抽取池并抽取；结果成为检查草稿。使用 --sign 时，签名的随机抽查记录写入 --out（签名证书的密码来自 INSPECTOR_SIGN_PASSWORD 或提示输入）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="34"/>
        <source>item id, id prefix, or PLAN_KEY/ITEM_KEY</source>
        <translation>事项编号、编号前缀或 PLAN_KEY/ITEM_KEY</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="36"/>
        <source>the seed (at least 32 hex digits; default: 32 random bytes)</source>
        <translation>随机种子（至少 32 位十六进制数字；默认：32 个随机字节）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="39"/>
        <source>planned inspection date (default: today)</source>
        <translation>计划检查日期（默认：今天）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="40"/>
        <source>institutions to draw (default: the item&apos;s target, at least the minimum ratio)</source>
        <translation>抽取的机构数（默认：事项的目标数，且不低于最低比例）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="43"/>
        <source>leave an institution out of the pool, with the reason (repeatable)</source>
        <translation>将某机构排除出抽取池并注明理由（可重复）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="45"/>
        <source>only draw; accept or abandon later</source>
        <translation>只抽取；稍后再接受或放弃</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="47"/>
        <source>name or 执法证号 of the officer signing the record</source>
        <translation>签署记录的执法人员的姓名或执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="49"/>
        <source>where to write the signed record</source>
        <translation>签名记录的写入位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="52"/>
        <source>the draw rules (plans/draw-rules.toml is the documented example); default: the workspace&apos;s config/draw-rules.toml, else the built-in rules (3 %%, 90 days, 2 officers)</source>
        <translation>抽取规则（plans/draw-rules.toml 为带说明的示例）；默认：工作区的 config/draw-rules.toml，否则为内置规则（3 %%、90 天、2 名执法人员）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="56"/>
        <source>check a 随机抽查记录: signature, and the result re-run from its data</source>
        <translation>核验随机抽查记录：签名，以及按其数据重新运行的抽取结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="58"/>
        <source>Exit status 0 only when the signature holds and the result follows from the record&apos;s own pool, rules and seed.</source>
        <translation>仅当签名有效且结果可由记录自身的抽取池、规则和随机种子复现时，退出状态为 0。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="63"/>
        <source>the 结果公示 of an accepted draw round (PDF + JSON beside it)</source>
        <translation>已接受的一轮抽取的结果公示（PDF，旁附 JSON）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="65"/>
        <source>One row per institution inspected (signed records): date, problems, amounts and result; personal data masked. Institutions not yet visited are not named.</source>
        <translation>每个已检查的机构一行（仅已签名的记录）：日期、问题、金额和结果；个人信息已脱敏。尚未检查的机构不列名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="72"/>
        <location filename="../../inspector_app/plans_cli.py" line="16"/>
        <location filename="../../inspector_app/leads_cli.py" line="42"/>
        <location filename="../../inspector_app/leads_cli.py" line="64"/>
        <location filename="../../inspector_app/signin_cli.py" line="111"/>
        <location filename="../../inspector_app/restore_cli.py" line="32"/>
        <location filename="../../inspector_app/restore_cli.py" line="38"/>
        <source>workspace directory</source>
        <translation>工作区目录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="16"/>
        <source>data leads (数据比对): import and screen settlement extracts</source>
        <translation>数据比对线索：导入并筛查结算数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="18"/>
        <source>Import settlement or smart-monitoring extracts (CSV or XLSX) and screen them for the classic patterns (分解住院, overlapping stays, charges above the price list, implausible quantities, out-of-list drugs).</source>
        <translation>导入结算或智能监控数据（CSV 或 XLSX），按典型模式筛查（分解住院、住院时间重叠、超物价收费、数量不合理、目录外用药）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="23"/>
        <source>import one extract; nothing is imported when any row is refused</source>
        <translation>导入一份数据；任何一行被拒绝时不导入任何内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="25"/>
        <source>Import FILE under the source NAME. A new source gets the default column mapping (结算流水号, 定点编码, 患者编号, 入院日期, 出院日期, 主要诊断, 医疗总费用, 项目编码, 数量, 单价, 金额 …); a known source reuses its saved mapping. Exit status 0 on success, 2 when the file is refused.</source>
        <translation>以来源名 NAME 导入 FILE。新来源使用默认的列对应关系（结算流水号, 定点编码, 患者编号, 入院日期, 出院日期, 主要诊断, 医疗总费用, 项目编码, 数量, 单价, 金额 …）；已知来源沿用其保存的对应关系。成功时退出状态为 0，文件被拒绝时为 2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="31"/>
        <source>name of the source (e.g. 市平台结算)</source>
        <translation>来源名称（如 市平台结算）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="33"/>
        <source>XLSX: the sheet to read (default: the first)</source>
        <translation>XLSX：要读取的工作表（默认：第一个）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="36"/>
        <source>column mapping to save with the source: {&quot;settlement_no&quot;: &quot;单据号&quot;, ...}</source>
        <translation>与来源一同保存的列对应关系：{&quot;settlement_no&quot;: &quot;单据号&quot;, ...}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="39"/>
        <source>screening settings (readmission_days, prices, max_per_day, listed, …)</source>
        <translation>筛查设置（readmission_days、prices、max_per_day、listed 等）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="47"/>
        <source>self-inspection returns (自查自纠) of a campaign</source>
        <translation>专项治理的自查自纠情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="49"/>
        <source>Import the filled self-inspection returns (自查情况统计表, XLSX generated by the app for each institution of a campaign).</source>
        <translation>导入已填写的自查情况统计表（本软件为专项治理的每家机构生成的 XLSX）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="53"/>
        <source>import one filled return; the file is kept as evidence (电子数据)</source>
        <translation>导入一份已填写的自查情况统计表；文件作为证据（电子数据）保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="55"/>
        <source>Exit status 0 on success, 2 when the return is refused (the message names file, sheet, row and column).</source>
        <translation>成功时退出状态为 0；统计表被拒绝时为 2（消息会指出文件、工作表、行和列）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="59"/>
        <source>date the return was received (default: today)</source>
        <translation>收到统计表的日期（默认：今天）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="61"/>
        <source>how it came (邮件, U盘, 平台上报 …)</source>
        <translation>报送方式（邮件、U盘、平台上报 …）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="35"/>
        <source>inspection plans and campaigns: import, list, show</source>
        <translation>检查计划与专项治理：导入、列出、查看</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="37"/>
        <source>Annual inspection plans (年度检查计划) and campaigns (专项治理) with their items: scope, target, frequency, window, division, templates and inspection type.</source>
        <translation>年度检查计划和专项治理及其事项：范围、目标、频次、期间、分工、检查表和检查类型。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="42"/>
        <source>import a plan file (plans/*.toml) as a draft plan</source>
        <translation>将计划文件（plans/*.toml）导入为计划草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="44"/>
        <source>Validate the file and import it as a draft. Every problem is reported with file:line and its code; a file with any problem imports nothing (exit 1).</source>
        <translation>校验文件并导入为草稿。每个问题都附 文件:行号 及其代码；文件有任何问题时不导入任何内容（退出状态 1）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="48"/>
        <source>list the plans of the workspace</source>
        <translation>列出工作区中的计划</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="50"/>
        <source>one plan with its items</source>
        <translation>查看一个计划及其事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="51"/>
        <location filename="../../inspector_app/plans_cli.py" line="59"/>
        <location filename="../../inspector_app/plans_cli.py" line="65"/>
        <source>plan id, id prefix or the plan file&apos;s id</source>
        <translation>计划编号、编号前缀或计划文件中的编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="54"/>
        <source>move a plan to its next status (§4.2)</source>
        <translation>将计划推进到下一状态（§4.2）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="55"/>
        <source>draft → approved (分管领导) → filed (法规处) → running → summary → archived; approved may go back to draft. Institutions are drawn only for filed or running plans.</source>
        <translation>draft（草稿）→ approved（分管领导批准）→ filed（法规处备案）→ running（执行中）→ summary（总结）→ archived（归档）；approved 可退回 draft。只有 filed 或 running 的计划才能抽取机构。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="62"/>
        <source>why (kept in the journal)</source>
        <translation>原因（记入全过程记录）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="63"/>
        <source>the year-end 检查工作总结 of a plan (PDF + XLSX beside it)</source>
        <translation>计划的年度检查工作总结（PDF，旁附 XLSX）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="72"/>
        <source>coverage of the plans&apos; targets: done / required, frequency, days left</source>
        <translation>计划目标的覆盖情况：已完成 / 应完成、频次、剩余天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="74"/>
        <source>Per plan item: institutions inspected (signed records only) of those in scope, against the target; times done against the frequency; days left in the window; BEHIND when short of the target pro rata of the elapsed window.</source>
        <translation>按计划事项：范围内已检查的机构数（仅计已签名的记录）与目标对比；已检查次数与频次对比；期间剩余天数；按已过期间的比例未达目标时标为 BEHIND。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="78"/>
        <source>one plan (id, id prefix or the plan file&apos;s id)</source>
        <translation>只看一个计划（编号、编号前缀或计划文件中的编号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/plans_cli.py" line="80"/>
        <source>as of this day (default: today)</source>
        <translation>截至该日（默认：今天）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/restore_cli.py" line="25"/>
        <source>replace a corrupt database by a checked backup</source>
        <translation>用校验过的备份替换损坏的数据库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/restore_cli.py" line="26"/>
        <source>Check BACKUP (full integrity check, this app&apos;s schema, readable with the workspace key), move the current database aside to corrupt/ in the workspace, and copy the backup in. Nothing is changed when the backup is unusable. Evidence files are not part of the database backup.</source>
        <translation>检查 BACKUP（完整性全面检查、是否为本软件的数据库结构、能否用工作区密钥读取），将当前数据库移到工作区的 corrupt/ 下，再复制备份。备份不可用时不做任何改动。证据文件不在数据库备份中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/restore_cli.py" line="31"/>
        <source>a backup file (see: inspector backups)</source>
        <translation>备份文件（见：inspector backups）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/restore_cli.py" line="36"/>
        <source>list the database backups of the workspace, newest first</source>
        <translation>列出工作区的数据库备份，最新的在前</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="42"/>
        <source>database: a SQLite file path or sqlite:/// URL, or postgresql://user@host/db (default: INSPECTOR_SERVER_DB, else ./%(default_file)s)</source>
        <translation>数据库：SQLite 文件路径或 sqlite:/// URL，或 postgresql://user@host/db（默认：INSPECTOR_SERVER_DB，否则为 ./%(default_file)s）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="47"/>
        <source>evidence blob storage directory (default: INSPECTOR_SERVER_STORAGE, else ./%(default_dir)s)</source>
        <translation>证据文件存储目录（默认：INSPECTOR_SERVER_STORAGE，否则为 ./%(default_dir)s）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="60"/>
        <source>run or administer the sync server</source>
        <translation>运行或管理同步服务器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="61"/>
        <source>The sync server (FastAPI + uvicorn). Without an action it serves.</source>
        <translation>同步服务器（FastAPI + uvicorn）。不带操作时开始服务。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="64"/>
        <location filename="../../inspector_app/server/cli.py" line="139"/>
        <source>address to listen on (default 127.0.0.1)</source>
        <translation>监听地址（默认 127.0.0.1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="66"/>
        <source>port (default 8765; 0 picks a free one)</source>
        <translation>端口（默认 8765；0 表示自动选择空闲端口）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="68"/>
        <source>worker processes (share one PostgreSQL database)</source>
        <translation>工作进程数（共用一个 PostgreSQL 数据库）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="70"/>
        <source>bearer token lifetime in hours</source>
        <translation>访问令牌有效期（小时）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="74"/>
        <source>the agency&apos;s RFC 3161 time-stamping service (default: INSPECTOR_SERVER_TSA_URL, else the server&apos;s own TSA when `tsa init` has been run, else no timestamps)</source>
        <translation>本机构的 RFC 3161 时间戳服务（默认：INSPECTOR_SERVER_TSA_URL，否则在运行过 `tsa init` 时使用服务器自己的时间戳服务，否则不加时间戳）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="78"/>
        <source>evidence in an S3-compatible bucket: s3://BUCKET[/PREFIX]?endpoint=URL&amp;region=R (default: INSPECTOR_SERVER_BLOB_STORE, else files under --storage; credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_SHARED_CREDENTIALS_FILE, never the URL)</source>
        <translation>证据存放在 S3 兼容的存储桶：s3://BUCKET[/PREFIX]?endpoint=URL&amp;region=R（默认：INSPECTOR_SERVER_BLOB_STORE，否则为 --storage 下的文件；凭据来自 AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY 或 AWS_SHARED_CREDENTIALS_FILE，绝不放在 URL 中）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="84"/>
        <source>largest upload request body in MiB (default: INSPECTOR_SERVER_MAX_CHUNK_MIB, else 16); bodies are streamed to disk, so this bounds request time, not memory</source>
        <translation>上传请求体的最大大小，单位 MiB（默认：INSPECTOR_SERVER_MAX_CHUNK_MIB，否则为 16）；请求体流式写入磁盘，因此它限制的是请求时长而非内存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="89"/>
        <source>manage accounts</source>
        <translation>管理账号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="91"/>
        <source>create an account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="94"/>
        <source>team (repeatable)</source>
        <translation>检查组（可重复）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="96"/>
        <source>read the password from standard input</source>
        <translation>从标准输入读取密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="99"/>
        <source>the account&apos;s officer in the roster: drafts of a 双随机 draw that name this officer reach this account (and nobody else of the team) until the visit starts</source>
        <translation>该账号在执法人员名册中对应的执法人员：点名该执法人员的双随机抽取草稿在检查开始前只发给这个账号（不发给组内其他人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="102"/>
        <source>replace an account&apos;s teams (changes what it may see)</source>
        <translation>替换账号所属的检查组（会改变其可见范围）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="105"/>
        <source>list accounts</source>
        <translation>列出账号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="106"/>
        <source>revoke every sign-in token of an account (lost laptop, departure)</source>
        <translation>吊销账号的全部登录令牌（笔记本丢失、人员离职）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="109"/>
        <source>lift the lockout after repeated wrong passwords</source>
        <translation>解除多次密码错误后的锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="112"/>
        <source>publish institutions and officers from a JSON file</source>
        <translation>从 JSON 文件发布机构和执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="115"/>
        <source>assign an institution to a team (its data leads and returns go to that team)</source>
        <translation>将机构分配给检查组（其数据线索和自查情况统计表归该组）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="119"/>
        <source>publish checklist templates (forms/*.toml)</source>
        <translation>发布检查表模板（forms/*.toml）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="121"/>
        <source>regenerate the server epoch (after a restore from backup)</source>
        <translation>重新生成服务器纪元（epoch）（从备份恢复之后）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="123"/>
        <source>delete incomplete uploads past their expiry (run daily)</source>
        <translation>删除已过期的未完成上传（每天运行）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="125"/>
        <source>the server&apos;s own RFC 3161 time-stamping authority</source>
        <translation>服务器自己的 RFC 3161 时间戳服务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="127"/>
        <source>issue the TSA certificate from the agency CA (kept in STORAGE/tsa/)</source>
        <translation>由本机构 CA 签发时间戳服务证书（保存在 STORAGE/tsa/）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="129"/>
        <source>the agency CA certificate (PEM)</source>
        <translation>本机构 CA 证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="131"/>
        <source>the agency CA private key (PEM)</source>
        <translation>本机构 CA 私钥（PEM）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="134"/>
        <source>read the CA key&apos;s password from standard input</source>
        <translation>从标准输入读取 CA 私钥的密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="135"/>
        <source>the TSA&apos;s common name (default: &lt;agency&gt; 时间戳服务)</source>
        <translation>时间戳服务的通用名称（默认：&lt;机构名称&gt; 时间戳服务）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="137"/>
        <source>run the TSA as its own RFC 3161 HTTP service (for --tsa-url)</source>
        <translation>将时间戳服务作为独立的 RFC 3161 HTTP 服务运行（供 --tsa-url 使用）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="141"/>
        <source>port (default 3161; 0 picks a free one)</source>
        <translation>端口（默认 3161；0 表示自动选择空闲端口）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/server/cli.py" line="143"/>
        <source>apply database migrations and exit</source>
        <translation>执行数据库迁移后退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="26"/>
        <source>officer signing in (name or 执法证号); password from --password-stdin, INSPECTOR_PASSWORD or a prompt</source>
        <translation>登录的执法人员（姓名或执法证号）；密码来自 --password-stdin、INSPECTOR_PASSWORD 或提示输入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="30"/>
        <source>read the officer&apos;s password from the first line of standard input</source>
        <translation>从标准输入的第一行读取执法人员的密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="103"/>
        <source>officers&apos; sign-in passwords and the recovery key (key slots)</source>
        <translation>执法人员的登录密码和恢复密钥（密钥槽）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="105"/>
        <source>The workspace key is wrapped once per officer password and once for the agency&apos;s recovery public key (keys/slots.json).</source>
        <translation>工作区密钥按每名执法人员的密码各封装一次，并用本机构的恢复公钥封装一次（keys/slots.json）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="114"/>
        <source>who can sign in on this laptop (name, role, 执法证号)</source>
        <translation>本机可登录的人员（姓名、角色、执法证号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="117"/>
        <source>create the workspace key for a workspace without one</source>
        <translation>为尚无工作区密钥的工作区创建密钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="119"/>
        <source>Create the workspace key, wrap it for the agency&apos;s recovery public key and give the first officer (already in the roster) a password.</source>
        <translation>创建工作区密钥，用本机构的恢复公钥封装，并为第一名执法人员（须已在名册中）设置密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="123"/>
        <source>name or 执法证号 of the first officer</source>
        <translation>第一名执法人员的姓名或执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="126"/>
        <source>give another officer of the roster a password (needs a signed-in officer)</source>
        <translation>为名册中的另一名执法人员设置密码（需要已登录的执法人员）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="131"/>
        <source>change an officer&apos;s password (re-wraps that officer&apos;s slot only)</source>
        <translation>修改执法人员的密码（只重新封装该人员的密钥槽）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="135"/>
        <source>remove an officer&apos;s slot (e.g. a departed officer)</source>
        <translation>删除执法人员的密钥槽（如人员离职）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="140"/>
        <source>set a new password for an officer with the agency&apos;s recovery key</source>
        <translation>用本机构的恢复密钥为执法人员设置新密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="142"/>
        <source>For a lost password: unwrap the workspace key with the recovery PRIVATE key and give the officer a new password (prompted, or from --password-stdin / INSPECTOR_NEW_PASSWORD).</source>
        <translation>密码遗失时：用恢复私钥解开工作区密钥，为该执法人员设置新密码（提示输入，或来自 --password-stdin / INSPECTOR_NEW_PASSWORD）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="148"/>
        <source>read the new password from standard input</source>
        <translation>从标准输入读取新密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="24"/>
        <source>synchronise this workspace with a sync server (headless)</source>
        <translation>将本工作区与同步服务器同步（无界面）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="26"/>
        <source>Push local changes, pull the team&apos;s changes, upload photos.</source>
        <translation>推送本地更改，拉取检查组的更改，上传照片。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="28"/>
        <source>e.g. http://127.0.0.1:8765</source>
        <translation>例如 http://127.0.0.1:8765</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="30"/>
        <source>sign in as U (asks for the password unless a token is stored)</source>
        <translation>以 U 身份登录（未保存令牌时询问密码）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="32"/>
        <source>one round, then exit (default: keep syncing)</source>
        <translation>同步一轮后退出（默认：持续同步）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="34"/>
        <source>seconds between rounds when idle</source>
        <translation>空闲时两轮同步之间的秒数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="37"/>
        <source>read the password(s) from standard input: the officer&apos;s first when the workspace needs a sign-in, then the sync account&apos;s</source>
        <translation>从标准输入读取密码：工作区需要登录时先读执法人员的密码，再读同步账号的密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="40"/>
        <source>officer who unlocks a workspace with key slots (default: --user when it names one); password from --password-stdin, INSPECTOR_PASSWORD or a prompt</source>
        <translation>解锁带密钥槽的工作区的执法人员（默认：--user 所指的执法人员）；密码来自 --password-stdin、INSPECTOR_PASSWORD 或提示输入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="43"/>
        <source>upload chunk size in MiB</source>
        <translation>上传分块大小（MiB）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="45"/>
        <source>print the status as JSON</source>
        <translation>以 JSON 打印状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/cli.py" line="47"/>
        <source>workspace directory (default: INSPECTOR_HOME, else the user data directory)</source>
        <translation>工作区目录（默认：INSPECTOR_HOME，否则为用户数据目录）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="28"/>
        <source>verify a signed PDF record or a case-file ZIP (案卷)</source>
        <translation>核验签名的 PDF 笔录或案卷 ZIP</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="30"/>
        <source>Verify every signature of a signed record against the organisation CA (revocation from --crl, the workspace and the CRLs embedded at signing), that each signer is the person and role the record names, the stage reached (--require; a workspace document: the stage its database claims), the visible pages against the signed data, what changed after each signature, and the embedded whole-process journal. A ZIP is verified as a case file: its seal (the signed 卷内目录 and manifest), every file&apos;s SHA-256, every signed PDF and its stage, the journal against the sealed head, unsafe entry names and compression bombs. Exit status 0 only when everything holds.</source>
        <translation>按机构 CA 核验签名笔录的每个签名（吊销信息来自 --crl、工作区和签名时嵌入的 CRL），核验每名签名人是否为笔录所载的人员和角色、达到的阶段（--require；工作区中的文书：以其数据库所载的阶段为准）、可见页面与签名数据是否一致、每次签名后有何改动，以及嵌入的全过程记录。ZIP 按案卷核验：封卷（签名的卷内目录和清单）、每个文件的 SHA-256、每份签名 PDF 及其阶段、全过程记录与封卷时的链头是否一致、不安全的条目名和压缩炸弹。全部通过时退出状态才为 0。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="43"/>
        <source>trusted CA certificate (repeatable; default: the workspace&apos;s trust roots)</source>
        <translation>受信任的 CA 证书（可重复；默认：工作区的可信根证书）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="45"/>
        <source>cached CRL (repeatable)</source>
        <translation>本地缓存的 CRL（可重复）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="48"/>
        <source>stage the record must reach: signed by its officers, or approved by the team lead (default: every signature the record plans)</source>
        <translation>笔录必须达到的阶段：signed 为执法人员已签名，approved 为组长已批准（默认：笔录规定的全部签名）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="51"/>
        <source>machine-readable report</source>
        <translation>机器可读的报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="53"/>
        <source>case file: largest total uncompressed size accepted (default 16 GiB)</source>
        <translation>案卷：可接受的最大解压后总大小（默认 16 GiB）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="56"/>
        <source>case file: largest compression ratio of an entry over 1 MiB (default 200)</source>
        <translation>案卷：超过 1 MiB 的条目的最大压缩比（默认 200）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="59"/>
        <source>case file: also require its seal in the seal ledger this workspace pulled from the sync server (detects a case file re-sealed after export)</source>
        <translation>案卷：还要求其封卷在本工作区从同步服务器拉取的封卷登记中（可发现导出后被重新封卷的案卷）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="66"/>
        <source>export an inspection&apos;s signed record, case file or publication</source>
        <translation>导出检查的签名笔录、案卷或公开摘要</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="68"/>
        <source>Copy the latest signed revision of an inspection&apos;s record (--pdf), write its case file (--case-file, 案卷 ZIP), or its publication summary with personal data masked (--publication, PDF plus JSON beside it).</source>
        <translation>复制检查笔录的最新签名版本（--pdf），写出其案卷（--case-file，案卷 ZIP），或写出个人信息已脱敏的公开摘要（--publication，PDF，旁附 JSON）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="72"/>
        <source>inspection id (see: inspector inspections list --json)</source>
        <translation>检查编号（见：inspector inspections list --json）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="75"/>
        <source>where to write the PDF</source>
        <translation>PDF 的写入位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="76"/>
        <source>where to write the case file (案卷)</source>
        <translation>案卷的写入位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="79"/>
        <source>where to write the publication summary (公开); the JSON goes beside it</source>
        <translation>公开摘要的写入位置；JSON 写在其旁边</translation>
    </message>
    <message>
        <location filename="../../inspector_app/verify_cli.py" line="82"/>
        <source>document for --pdf: %(kinds)s (default: record)</source>
        <translation>--pdf 导出的文书：%(kinds)s（默认：record）</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="45"/>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="53"/>
        <source>Keep the &amp;server&apos;s value</source>
        <translation>保留服务器上的值(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="54"/>
        <source>Use &amp;this laptop&apos;s value</source>
        <translation>采用本机的值(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="57"/>
        <source>Nothing is lost: both values stay in the record&apos;s history whatever you choose.</source>
        <translation>无论如何选择，两个值都保留在记录历史中，不会丢失。</translation>
    </message>
</context>
<context>
    <name>ConflictsTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="29"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="29"/>
        <source>Value on the server</source>
        <translation>服务器上的值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="29"/>
        <source>Value from this laptop</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/conflicts_dialog.py" line="30"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="41"/>
        <source>Item</source>
        <translation>检查事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="41"/>
        <source>Inspected / in scope</source>
        <translation>已检查 / 范围内</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="41"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="41"/>
        <source>Done / required</source>
        <translation>完成 / 应完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="42"/>
        <source>Times / frequency</source>
        <translation>次数 / 频次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="42"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="53"/>
        <source> (behind)</source>
        <translation>（滞后）</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/date_editor.py" line="29"/>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/date_editor.py" line="33"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>DraftPreview</name>
    <message>
        <location filename="../../inspector_app/ui/pages/draft_preview.py" line="21"/>
        <source>D&amp;raft preview…</source>
        <translation>草稿预览(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/draft_preview.py" line="23"/>
        <source>Show the record as it stands now, marked DRAFT, for the party to read and print before anyone signs. It is not the record and cannot be signed.</source>
        <translation>按当前内容生成标有“草稿”的笔录，供当事人在签名前阅读和打印。草稿不是笔录，不能签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/draft_preview.py" line="35"/>
        <source>Preparing the draft…</source>
        <translation>正在生成草稿…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/draft_preview.py" line="41"/>
        <source>Draft: %1 pages, marked DRAFT on every page; not signable.</source>
        <translation>草稿共 %1 页，每页标有“草稿”，不可签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/draft_preview.py" line="47"/>
        <source>Draft – on-site inspection record (not signable)</source>
        <translation>现场检查笔录（草稿，不可签名）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/draft_preview.py" line="55"/>
        <source>The draft could not be made: %1</source>
        <translation>无法生成草稿：%1</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="29"/>
        <source>Random draw: %1</source>
        <translation>双随机抽取：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="41"/>
        <source>&amp;Draw</source>
        <translation>抽取(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="43"/>
        <source>&amp;Accept and create drafts</source>
        <translation>采用并生成检查草稿(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="45"/>
        <source>A&amp;bandon…</source>
        <translation>放弃(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="59"/>
        <source>The seed is fixed and recorded before the pool is shown; every draw, abandoned ones included, stays in the record.</source>
        <translation>随机种子在显示备选池之前即已固定并记录；每一次抽取（包括已放弃的）都保留在记录中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="76"/>
        <source>Round %1, attempt %2 — seed fixed: %3</source>
        <translation>第 %1 轮第 %2 次抽取 — 随机种子已固定：%3</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="80"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="82"/>
        <source>Rules: at least %1 % of the scope · not again within %2 days · %3 officers per inspection · weighting: %4 · rules hash %5</source>
        <translation>抽取规则：不低于范围的 %1% · %2 天内不重复抽查 · 每次检查 %3 名执法人员 · 加权：%4 · 规则摘要 %5</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="103"/>
        <source>In scope: %1 · candidates: %2 · excluded: %3 · drawn: %4 · pool hash: %5</source>
        <translation>范围内 %1 家 · 备选 %2 家 · 排除 %3 家 · 抽取 %4 家 · 备选池哈希 %5</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="119"/>
        <source>Accepted: %1 draft inspections created.</source>
        <translation>已采用：已生成 %1 个检查草稿。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="123"/>
        <source>Abandon the draw</source>
        <translation>放弃本次抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/draw_dialog.py" line="124"/>
        <source>Why is this draw abandoned? (kept in the record)</source>
        <translation>放弃本次抽取的理由（将保留在记录中）：</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../inspector_app/services/lead_sample.py" line="72"/>
        <location filename="../../inspector_app/services/inspections.py" line="312"/>
        <location filename="../../inspector_app/services/inspections.py" line="333"/>
        <location filename="../../inspector_app/services/findings.py" line="34"/>
        <source>The checklist item does not exist.</source>
        <translation>检查项不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/findings.py" line="50"/>
        <source>The linked checklist item belongs to another inspection.</source>
        <translation>关联的检查项不属于本次检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/findings.py" line="66"/>
        <source>Unknown fields: {fields}</source>
        <translation>未知字段：{fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/findings.py" line="76"/>
        <location filename="../../inspector_app/services/findings.py" line="94"/>
        <source>The finding does not exist.</source>
        <translation>问题记录不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inquiries.py" line="107"/>
        <source>Only officers of this inspection&apos;s team can question and record.</source>
        <translation>只有本次检查组的执法人员可以询问和记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inquiries.py" line="134"/>
        <source>The first questioner signs the inquiry record first.</source>
        <translation>询问笔录须由第一询问人先签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/document_pipeline.py" line="245"/>
        <source>The document number was taken meanwhile; please sign again.</source>
        <translation>文书编号已被占用，请重新签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="300"/>
        <source>Only the officers named in this document can sign it.</source>
        <translation>只有该文书载明的执法人员可以签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/service_receipts.py" line="89"/>
        <source>The document to serve does not exist.</source>
        <translation>要送达的文书不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/service_receipts.py" line="92"/>
        <source>A proof of service is not itself served.</source>
        <translation>送达回证本身不需要送达。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/service_receipts.py" line="100"/>
        <source>A serving officer is not on the roster.</source>
        <translation>送达人不在执法人员名册中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/service_receipts.py" line="126"/>
        <source>The first serving officer signs the proof of service first.</source>
        <translation>送达回证须由第一送达人先签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/service_receipts.py" line="148"/>
        <source>The served document changed while the proof of service was signed; sign again.</source>
        <translation>签名期间被送达的文书发生了变化，请重新签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="66"/>
        <source>The plan file was not imported.</source>
        <translation>计划文件未导入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="116"/>
        <source>{field} must be a date such as 2026-01-31.</source>
        <translation>{field} 应为日期，例如 2026-01-31。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="123"/>
        <source>{field} must be a table {{ start = 2026-01-01, end = 2026-12-31 }}.</source>
        <translation>{field} 应为表 {{ start = 2026-01-01, end = 2026-12-31 }}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="130"/>
        <location filename="../../inspector_app/domain/plans.py" line="269"/>
        <source>The window ends ({end}) before it starts ({start}).</source>
        <translation>期间的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="141"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="311"/>
        <source>The required field {field} is missing.</source>
        <translation>缺少必填字段 {field}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="145"/>
        <source>{field} must be a non-empty string.</source>
        <translation>{field} 应为非空字符串。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="77"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="152"/>
        <source>Unknown field {field}.</source>
        <translation>未知字段 {field}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="159"/>
        <source>scope must be a table of lists.</source>
        <translation>scope 应为由列表组成的表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="166"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="234"/>
        <source>{field} must be a list of strings.</source>
        <translation>{field} 应为字符串列表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="173"/>
        <location filename="../../inspector_app/domain/plans.py" line="310"/>
        <source>Unknown {field} in the scope: {value}.</source>
        <translation>范围中的 {field} 未知：{value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="183"/>
        <source>target must be either {{ share = 20 }} (per cent of the scope) or {{ count = 10 }}.</source>
        <translation>target 应为 {{ share = 20 }}（占范围的百分比）或 {{ count = 10 }} 之一。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="193"/>
        <location filename="../../inspector_app/domain/plans.py" line="177"/>
        <location filename="../../inspector_app/domain/plans.py" line="292"/>
        <source>The target {value} % is not between 0 and 100.</source>
        <translation>目标 {value}% 不在 0 到 100 之间。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="199"/>
        <location filename="../../inspector_app/domain/plans.py" line="181"/>
        <location filename="../../inspector_app/domain/plans.py" line="295"/>
        <source>The target count {value} is not a positive number.</source>
        <translation>目标数量 {value} 不是正整数。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="211"/>
        <source>Each [[items]] entry must be a table.</source>
        <translation>每个 [[items]] 条目都应为表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="217"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="298"/>
        <location filename="../../inspector_app/domain/plans.py" line="263"/>
        <source>The item id {value} may only use lower-case letters, digits and hyphens.</source>
        <translation>编号 {value} 只能使用小写字母、数字和连字符。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="222"/>
        <source>frequency must be a whole number of times per year between 0 and 366, not {value}.</source>
        <translation>frequency 应为每年 0 到 366 之间的整数次数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="230"/>
        <location filename="../../inspector_app/domain/plans.py" line="303"/>
        <source>The window of item {key} lies outside the plan&apos;s window.</source>
        <translation>检查事项 {key} 的期间超出了计划期间。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="239"/>
        <location filename="../../inspector_app/services/plans.py" line="199"/>
        <source>No checklist template has the id {value}.</source>
        <translation>没有编号为 {value} 的检查表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="243"/>
        <source>Unknown inspection type {value}.</source>
        <translation>未知的检查类型 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="257"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="264"/>
        <source>Each [[phases]] entry must be a table with name, start and end.</source>
        <translation>每个 [[phases]] 条目都应为含 name、start、end 的表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="271"/>
        <location filename="../../inspector_app/domain/plans.py" line="281"/>
        <source>The phase {name} lies outside the plan&apos;s window.</source>
        <translation>阶段“{name}”超出了计划期间。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="37"/>
        <source>The draw rules file was not loaded.</source>
        <translation>抽取规则文件未载入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="83"/>
        <source>{field} must be true or false.</source>
        <translation>{field} 须为 true 或 false。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="91"/>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="181"/>
        <source>Each weighting rule must be a table.</source>
        <translation>每条加权规则须为一个表（[[weights]]）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="96"/>
        <source>A weighting rule needs a name (it is printed in the draw record).</source>
        <translation>加权规则须有名称（印在随机抽查记录中）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="102"/>
        <source>credit_ratings must list ratings among {known}.</source>
        <translation>credit_ratings 须列出以下信用等级之一：{known}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="107"/>
        <source>min_complaints must be a whole number of at least 1, not {value}.</source>
        <translation>min_complaints 须为不小于 1 的整数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="115"/>
        <source>factor must be a whole number of at least 1, not {value}.</source>
        <translation>factor 须为不小于 1 的整数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="119"/>
        <source>quota must be a whole number not below 0, not {value}.</source>
        <translation>quota 须为不小于 0 的整数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="123"/>
        <source>The weighting rule {name} names no condition (credit_ratings, min_complaints or serious_violations).</source>
        <translation>加权规则“{name}”未写明条件（credit_ratings、min_complaints 或 serious_violations）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="127"/>
        <source>The weighting rule {name} changes nothing: give a factor above 1 or a quota.</source>
        <translation>加权规则“{name}”不起作用：请给出大于 1 的 factor 或 quota。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="138"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="285"/>
        <source>The file is not valid TOML: {detail}</source>
        <translation>文件不是有效的 TOML：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="143"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="290"/>
        <source>schema must be {expected}, not {value}.</source>
        <translation>schema 应为 {expected}，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="159"/>
        <source>lookback_days must be a whole number of days not below 0, not {value}.</source>
        <translation>lookback_days 须为不小于 0 的整数天数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="164"/>
        <source>An inspection needs at least {minimum} officers, not {value}.</source>
        <translation>每次检查至少需要 {minimum} 名执法人员，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="171"/>
        <source>cross_check must be a table such as [cross_check] exclude_own_region = true.</source>
        <translation>cross_check 须为一个表，例如 [cross_check] exclude_own_region = true。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="190"/>
        <source>Two weighting rules are named {name}.</source>
        <translation>有两条加权规则都叫“{name}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="302"/>
        <source>kind must be annual or campaign, not {value}.</source>
        <translation>kind 应为 annual 或 campaign，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="307"/>
        <location filename="../../inspector_app/domain/plans.py" line="242"/>
        <source>year must be a year such as 2026.</source>
        <translation>year 应为年份，例如 2026。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="320"/>
        <location filename="../../inspector_app/domain/plans.py" line="245"/>
        <source>The plan has no items.</source>
        <translation>计划没有检查事项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="328"/>
        <location filename="../../inspector_app/domain/plans.py" line="249"/>
        <source>Two items of the plan have the key {key}.</source>
        <translation>计划中有两个检查事项的编号都是 {key}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="206"/>
        <location filename="../../inspector_app/catalog/plans_loader.py" line="345"/>
        <source>The file cannot be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/draw_cli.py" line="83"/>
        <location filename="../../inspector_app/services/draw_records.py" line="56"/>
        <source>No officer {id}.</source>
        <translation>没有执法人员 {id}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/coverage.py" line="67"/>
        <source>The inspection already counts for a plan item.</source>
        <translation>该检查已计入某个计划事项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="84"/>
        <source>No draw {id}.</source>
        <translation>没有抽取记录 {id}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="90"/>
        <source>The draw is {status}; this step needs it {expected}.</source>
        <translation>该次抽取的状态为 {status}；此操作要求状态为 {expected}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="165"/>
        <source>Institutions are drawn only for a filed or running plan.</source>
        <translation>只有已备案或实施中的计划才能抽取检查对象。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="173"/>
        <source>Round {round} has no draw yet.</source>
        <translation>第 {round} 轮尚无抽取。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="176"/>
        <source>Abandon the round&apos;s current draw, with a reason, before drawing again.</source>
        <translation>请先说明理由放弃本轮当前的抽取，再重新抽取。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="194"/>
        <source>Every exclusion needs a reason.</source>
        <translation>每个排除对象都须说明理由。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="216"/>
        <source>Say why the draw is abandoned: the reason stays in the record.</source>
        <translation>请说明放弃本次抽取的理由：理由将保留在记录中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="247"/>
        <source>No checklist template applies to {name} ({category}).</source>
        <translation>没有适用于“{name}”（{category}）的检查表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="316"/>
        <source>A declared conflict needs a reason.</source>
        <translation>申报回避事项须说明理由。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/plans.py" line="109"/>
        <source>No plan {id}.</source>
        <translation>没有计划 {id}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/plans.py" line="124"/>
        <source>No plan item {id}.</source>
        <translation>没有计划事项 {id}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/plans.py" line="170"/>
        <location filename="../../inspector_app/services/plans.py" line="220"/>
        <source>A plan with the id {key} is already in the workspace.</source>
        <translation>工作区中已有编号为 {key} 的计划。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draw_records.py" line="50"/>
        <source>Nothing has been drawn yet: run the draw before signing its record.</source>
        <translation>尚未抽取：请先抽取，再签署随机抽查记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draw_records.py" line="83"/>
        <source>The draw has no signed record yet.</source>
        <translation>该次抽取尚无已签名的随机抽查记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/draw_rules_loader.py" line="154"/>
        <location filename="../../inspector_app/domain/draw.py" line="93"/>
        <source>The minimum ratio {value} % is not between 0 and 100.</source>
        <translation>最低抽查比例 {value}% 不在 0 到 100 之间。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/draw.py" line="96"/>
        <source>An inspection needs at least {minimum} officers.</source>
        <translation>每次检查至少需要 {minimum} 名执法人员。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/draw.py" line="99"/>
        <source>Weight factors must be at least 1, quotas and the look-back period not negative.</source>
        <translation>权重倍数不得小于 1，保底数量和回溯天数不得为负数。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/draw.py" line="178"/>
        <source>{count} of {scope} institutions is below the minimum ratio of {ratio} % ({minimum}).</source>
        <translation>从 {scope} 家中抽取 {count} 家，低于最低抽查比例 {ratio}%（至少 {minimum} 家）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/draw.py" line="221"/>
        <source>The seed must be at least 32 hexadecimal digits.</source>
        <translation>随机种子至少应为 32 位十六进制数字。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/draw.py" line="277"/>
        <source>Not enough eligible officers for {name}.</source>
        <translation>可派往“{name}”的合格执法人员不足。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="73"/>
        <source>being drafted</source>
        <extracomment>Statuses in which institutions may be drawn and inspections counted against the plan. Plan status names for messages (translated by the UI&apos;s and the CLI&apos;s mapper like templates); distinct English words from the inspection&apos;s status names, because a plan&apos;s 草拟/已审核 are not an inspection&apos;s 草稿/已批准.</extracomment>
        <translation>草拟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="74"/>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="75"/>
        <source>filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="76"/>
        <source>running</source>
        <translation>实施中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="77"/>
        <source>summary reported</source>
        <translation>总结上报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="78"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="84"/>
        <source>A plan cannot go from {current} to {target}.</source>
        <translation>计划不能从 {current} 变为 {target}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="240"/>
        <source>The plan has no title.</source>
        <translation>计划没有标题。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="288"/>
        <source>Item {key} has no name.</source>
        <translation>检查事项 {key} 没有名称。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="298"/>
        <source>The frequency {value} is negative.</source>
        <translation>频次 {value} 为负数。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/draws.py" line="284"/>
        <location filename="../../inspector_app/services/draw_publication.py" line="41"/>
        <source>Only an accepted draw has results to publish.</source>
        <translation>只有已采用的抽取才有可公示的结果。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/leads_cli.py" line="78"/>
        <source>{file} is not a readable JSON file: {reason}</source>
        <translation>{file} 不是可读取的 JSON 文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads.py" line="142"/>
        <source>Name the source of the extract (e.g. the platform it was exported from).</source>
        <translation>请填写数据来源（例如导出数据的平台名称）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck.py" line="72"/>
        <source>The institution {id} of the campaign&apos;s scope is not in the roster.</source>
        <translation>专项治理范围中的机构 {id} 不在机构名录中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck.py" line="93"/>
        <source>The campaign does not exist.</source>
        <translation>该专项治理不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck.py" line="102"/>
        <location filename="../../inspector_app/services/selfcheck.py" line="129"/>
        <source>The institution is not in the campaign&apos;s scope.</source>
        <translation>该机构不在本次专项治理范围内。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck.py" line="113"/>
        <location filename="../../inspector_app/services/leads.py" line="148"/>
        <source>{file}: no such file.</source>
        <translation>{file}：文件不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck.py" line="123"/>
        <source>{file} changed while it was being read; import it again.</source>
        <translation>{file} 在读取过程中被修改，请重新导入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck.py" line="134"/>
        <source>{file}: this institution&apos;s return for the campaign has already been imported.</source>
        <translation>{file}：该机构本次专项治理的自查表已导入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads.py" line="152"/>
        <source>{file} is {size} MB; at most {limit} MB can be imported at once.</source>
        <translation>{file} 大小为 {size} MB，单次最多可导入 {limit} MB。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads.py" line="160"/>
        <source>{file} has already been imported (same content).</source>
        <translation>{file} 已导入过（内容相同）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads.py" line="182"/>
        <source>{file} (sheet {sheet}) has a header row but no data rows.</source>
        <translation>{file}（工作表 {sheet}）只有表头，没有数据行。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads.py" line="220"/>
        <source>{file} (sheet {sheet}) has more than {limit} rows; split the extract.</source>
        <translation>{file}（工作表 {sheet}）超过 {limit} 行，请拆分后再导入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads.py" line="251"/>
        <source>The import of {file} was cancelled; nothing was imported.</source>
        <translation>已取消导入 {file}，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads.py" line="237"/>
        <source>{file} (sheet {sheet}) row {row} repeats row {first} (column {column}).</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行与第 {first} 行重复（列 {column}）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="103"/>
        <location filename="../../inspector_app/services/leads_files.py" line="24"/>
        <source>{file} (sheet {sheet}) cannot be read near row {row}: {reason}</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行附近无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="108"/>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="112"/>
        <source>{file} is not a self-inspection return generated by this application.</source>
        <translation>{file} 不是本软件生成的自查情况统计表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="135"/>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="158"/>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="170"/>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="193"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: {value} is not valid here.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：{value} 无效。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="147"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: {value} is not an item of the campaign.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：{value} 不是本次专项治理的自查项目。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="153"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: details are filled in but the item is not marked 是.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：已填写问题详情，但未标记为“是”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="180"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: more refunded than the amount involved.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：已退回金额大于涉及金额。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads_files.py" line="96"/>
        <source>{file}: only CSV and XLSX files can be imported.</source>
        <translation>{file}：只能导入 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/leads_files.py" line="147"/>
        <source>{file}: there is no sheet {sheet} (sheets: {sheets}).</source>
        <translation>{file}：没有名为 {sheet} 的工作表（现有工作表：{sheets}）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/values.py" line="62"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: the text is longer than 200 characters.</source>
        <extracomment>order of the parsed values (after the row number), as the storage columns expect them</extracomment>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：文字超过 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/values.py" line="64"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: {value} is not a date.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：{value} 不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/values.py" line="65"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: {value} is not an amount in yuan with at most two decimals.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：{value} 不是有效金额（元，最多两位小数）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/values.py" line="67"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: {value} is not a quantity (a number, not negative).</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：{value} 不是有效数量（不能为负数）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="177"/>
        <location filename="../../inspector_app/services/selfcheck_xlsx.py" line="187"/>
        <location filename="../../inspector_app/domain/leads/values.py" line="299"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: the value is missing.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：缺少数值。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/values.py" line="310"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: the date {value} lies outside {earliest} – {latest}.</source>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：日期 {value} 不在 {earliest} 至 {latest} 范围内。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/values.py" line="261"/>
        <source>{file} (sheet {sheet}) row {row}, column {column}: the discharge date {value} is before the admission.</source>
        <extracomment>counts the runs of lines sharing the settlement&apos;s columns: a caller aggregating per stay sees a new one</extracomment>
        <translation>{file}（工作表 {sheet}）第 {row} 行“{column}”列：出院日期 {value} 早于入院日期。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/mapping.py" line="97"/>
        <source>{file} (sheet {sheet}): column {column} of the header row has no name.</source>
        <extracomment>the usual headers of settlement exports, per field (compared after removing spaces; case-insensitive)</extracomment>
        <translation>{file}（工作表 {sheet}）：表头第 {column} 列没有列名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/mapping.py" line="103"/>
        <source>{file} (sheet {sheet}): the header {column} appears twice in row {row}.</source>
        <translation>{file}（工作表 {sheet}）：第 {row} 行表头“{column}”重复出现。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/mapping.py" line="112"/>
        <source>The column mapping names a field {field} that does not exist.</source>
        <translation>列对应关系中的字段 {field} 不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/mapping.py" line="116"/>
        <source>{file} (sheet {sheet}): the column {column} of the saved mapping is not in the header row.</source>
        <translation>{file}（工作表 {sheet}）：已保存的列对应关系中的“{column}”列不在表头中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/mapping.py" line="129"/>
        <source>{file} (sheet {sheet}): no column for {column} in the header row.</source>
        <translation>{file}（工作表 {sheet}）：表头中没有“{column}”列。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/leads/rules.py" line="38"/>
        <source>The screening setting {key} has an invalid value: {value}.</source>
        <translation>筛查规则设置 {key} 的值无效：{value}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/lead_review.py" line="176"/>
        <location filename="../../inspector_app/services/lead_sample.py" line="84"/>
        <source>The lead does not exist.</source>
        <extracomment>Words of a campaign item&apos;s label that name the pattern a screening rule looks for (the campaign tables of seeds 002/004 name them this way): the item a confirmed lead is filed under by default.</extracomment>
        <translation>该线索不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/lead_review.py" line="178"/>
        <location filename="../../inspector_app/services/lead_sample.py" line="86"/>
        <source>The lead concerns another institution than the inspected one.</source>
        <translation>该线索属于其他机构，不是本次被检查机构。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/campaign.py" line="57"/>
        <source>The campaign needs a name.</source>
        <translation>专项治理须填写名称。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/campaign.py" line="60"/>
        <source>The campaign has no self-inspection phase (自查自纠) and so no deadline for returns.</source>
        <translation>专项治理缺少自查自纠阶段，因而没有自查表报送截止日期。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/campaign.py" line="63"/>
        <source>A phase of the campaign appears twice.</source>
        <translation>专项治理的某一阶段重复出现。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/campaign.py" line="68"/>
        <source>The phase {phase} ends on {end}, before it starts on {start}.</source>
        <translation>{phase}阶段的结束日期 {end} 早于开始日期 {start}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/campaign.py" line="73"/>
        <source>The phase {phase} starts before the phase {previous}.</source>
        <translation>{phase}阶段开始早于{previous}阶段。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/campaign.py" line="77"/>
        <source>The campaign has no checklist items for the self-inspection.</source>
        <translation>专项治理没有自查项目。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/campaign.py" line="80"/>
        <source>An item of the campaign&apos;s checklist appears twice.</source>
        <translation>专项治理的自查项目重复出现。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="111"/>
        <source>Choose at least one checklist.</source>
        <translation>请至少选择一个检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="115"/>
        <source>Checklists missing or invalid: {templates}</source>
        <translation>检查表不存在或未通过校验：{templates}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="118"/>
        <source>The period under inspection starts after it ends.</source>
        <translation>检查期间的开始日期晚于结束日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="121"/>
        <source>The planned time needs a time zone.</source>
        <translation>检查时间须带时区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="130"/>
        <source>The team names an officer who does not exist.</source>
        <translation>检查组中有不存在的执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="186"/>
        <source>Checklist missing or invalid: {template}</source>
        <translation>检查表不存在或未通过校验：{template}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="194"/>
        <source>The checklist is already part of this inspection.</source>
        <translation>该检查表已在本次检查中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="218"/>
        <source>Describe the conflict of interest you declare.</source>
        <translation>声明存在利害关系时须说明情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="240"/>
        <source>The officer is not in this inspection&apos;s team.</source>
        <translation>该执法人员不在本次检查组中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="263"/>
        <location filename="../../inspector_app/services/signing.py" line="140"/>
        <source>{count} required items are not answered yet: {items}</source>
        <translation>还有 {count} 个必答检查项未作答：{items}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="276"/>
        <source>Give the reason for cancelling the inspection.</source>
        <translation>作废检查记录须说明理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspections.py" line="307"/>
        <source>Unknown verdict {verdict}.</source>
        <translation>未知的判定 {verdict}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/documents.py" line="84"/>
        <source>Only the officers of this inspection&apos;s team can issue the notice.</source>
        <translation>只有本次检查组的执法人员可以签发通知书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/documents.py" line="102"/>
        <source>The findings changed while the notice was being signed; please issue it again.</source>
        <translation>签发期间检查发现的问题发生了变化，请重新签发。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/documents.py" line="122"/>
        <source>The record is not signed yet: correct it directly, no addendum is needed.</source>
        <translation>笔录尚未签名，可直接修改，无需补正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/documents.py" line="127"/>
        <source>Record the party&apos;s signature on the correction (or its refusal and the witness) first.</source>
        <translation>请先记录当事人对补正内容的签字（或拒签及见证人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/queries.py" line="116"/>
        <location filename="../../inspector_app/services/queries.py" line="136"/>
        <location filename="../../inspector_app/services/inspections.py" line="67"/>
        <location filename="../../inspector_app/services/record_builder.py" line="146"/>
        <source>The inspection does not exist.</source>
        <extracomment>What an inspection&apos;s and a new answer&apos;s create carries (the other declared fields start empty on the server).</extracomment>
        <translation>检查记录不存在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/roster.py" line="29"/>
        <source>The unified social credit code {code} is already used by “{institution}”.</source>
        <translation>统一社会信用代码 {code} 已被“{institution}”使用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/roster.py" line="50"/>
        <source>The certificate number {certificate} is already registered to {officer}.</source>
        <translation>执法证号 {certificate} 已登记给 {officer}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/roster.py" line="75"/>
        <location filename="../../inspector_app/services/inspections.py" line="126"/>
        <source>The institution does not exist.</source>
        <translation>被检查机构不存在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/roster.py" line="88"/>
        <source>The officer does not exist.</source>
        <translation>执法人员不存在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="153"/>
        <source>The review comment is empty.</source>
        <extracomment>What a decided outcome carries on the wire (its decision time travels in the journal, not the payload).</extracomment>
        <translation>审核意见不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="159"/>
        <source>The finding belongs to another inspection.</source>
        <translation>该问题不属于本次检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="166"/>
        <source>Give the reasons for returning the record.</source>
        <translation>退回须写明理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="184"/>
        <source>There is no signed record to approve.</source>
        <translation>没有已签名的笔录可供批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="188"/>
        <source>The record&apos;s content hash differs from the signed one; it cannot be approved.</source>
        <translation>笔录内容哈希与签名时不一致，不能批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="236"/>
        <source>“No problem found” cannot come with a refund or a fine.</source>
        <translation>“未发现问题”不应有退回或罚款金额</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="267"/>
        <source>Ordering a rectification needs a rectification notice (with its deadline) first.</source>
        <translation>责令整改须先签发责令整改通知书（载明整改期限）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/review.py" line="285"/>
        <location filename="../../inspector_app/services/reinspection.py" line="106"/>
        <source>The rectification does not exist.</source>
        <translation>整改记录不存在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="106"/>
        <source>The disk is full; nothing was saved.</source>
        <translation>本机磁盘空间不足，文件未能保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="107"/>
        <source>The file could not be read or written: {reason}</source>
        <translation>文件读写失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="115"/>
        <location filename="../../inspector_app/services/evidence_list.py" line="49"/>
        <source>Unknown way of taking evidence: {measure}</source>
        <translation>未知的取证方式：{measure}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="127"/>
        <source>The re-inspection belongs to another inspection.</source>
        <translation>复查记录不属于该检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="145"/>
        <source>Not a regular file; it cannot be imported as evidence.</source>
        <translation>不是普通文件，不能作为证据导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="183"/>
        <location filename="../../inspector_app/services/evidence.py" line="376"/>
        <source>The original file of the evidence is not on this computer (perhaps not downloaded from the server yet).</source>
        <translation>证据原始文件在本机缺失（可能尚未从服务器下载）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="202"/>
        <source>The evidence file is not in this computer&apos;s store yet; import it again.</source>
        <translation>证据文件尚未保存到本机存储，请重新导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="215"/>
        <source>The file is already evidence of this inspection (or another re-inspection); a re-inspection needs new evidence.</source>
        <translation>该文件已作为本次检查（或另一次复查）的证据保存，复查须采集新的证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="218"/>
        <source>The file is already saved as evidence of a re-inspection.</source>
        <translation>该文件已作为复查证据保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="301"/>
        <location filename="../../inspector_app/services/evidence_list.py" line="80"/>
        <source>The evidence does not exist or was removed.</source>
        <translation>证据不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="330"/>
        <source>Give the reason for removing the evidence.</source>
        <translation>删除证据须填写原因</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="368"/>
        <source>The evidence does not exist.</source>
        <translation>证据不存在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="398"/>
        <source>Only photos can be shown in the viewer.</source>
        <translation>只有照片可以在查看器中显示</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/verification.py" line="36"/>
        <source>No trusted root certificate: name the agency&apos;s CA certificate with --trust, or import it into the workspace.</source>
        <extracomment>Documents `export --kind` copies, with the words the error messages use.</extracomment>
        <translation>没有可信根证书：请用 --trust 指定机构 CA 证书，或在工作区导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/verification.py" line="44"/>
        <source>Unknown document kind {kind} (known: {kinds}).</source>
        <translation>未知的文书类型 {kind}（可用：{kinds}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/verification.py" line="49"/>
        <source>This inspection has no signed {document} yet, so there is nothing to export ({where}).</source>
        <translation>该检查尚无已签名的{document}，不能导出（{where}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/record_builder.py" line="158"/>
        <source>Record the inspected institution&apos;s signature (or its refusal and the witness) first.</source>
        <translation>请先记录被检查单位的签字（或拒签及见证人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/record_builder.py" line="281"/>
        <source>Unknown setting {key}.</source>
        <translation>未知的设置项 {key}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="35"/>
        <source>the reason for refusing</source>
        <translation>拒签理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="36"/>
        <source>the witness&apos;s name</source>
        <translation>见证人姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="37"/>
        <source>the witness&apos;s ID number</source>
        <translation>见证人身份证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="38"/>
        <source>the witness&apos;s relation to the party</source>
        <translation>见证人与当事人关系</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="39"/>
        <source>the officer&apos;s note</source>
        <translation>执法人员备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="41"/>
        <source>The party refused to sign</source>
        <translation>当事人拒绝签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="43"/>
        <source>Record {field}.</source>
        <translation>须记录{field}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="46"/>
        <source>Fill in the name of the person signing.</source>
        <translation>请填写签字人姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="80"/>
        <source>The signature is empty; sign on the pad.</source>
        <translation>签名为空，请在签名板上签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="85"/>
        <source>The signature strokes are malformed.</source>
        <translation>签名笔迹格式不正确</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing_types.py" line="89"/>
        <source>The signature is too short; sign again.</source>
        <translation>签名过短，请重新签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/document_pipeline.py" line="63"/>
        <source>The signature field names {planned} (certificate no. {planned_no}), but the certificate belongs to {holder} (certificate no. {holder_no}).</source>
        <extracomment>What a new signed document carries on the wire (its `payload` too when it has one).</extracomment>
        <translation>该签名位置载明的签名人是 {planned}（执法证号 {planned_no}），所用证书属于 {holder}（执法证号 {holder_no}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="68"/>
        <source>Unknown signing role {role}.</source>
        <extracomment>What a captured handwritten signature carries on the wire (the strokes travel; the PNG is the blob).</extracomment>
        <translation>未知的签名角色 {role}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="72"/>
        <source>The signature image is not a PNG.</source>
        <translation>签名图像不是 PNG</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="78"/>
        <source>The record is signed; its signatures cannot change any more. Make a correction addendum to correct it.</source>
        <translation>笔录已签名，签字不能再更改；如需更正请制作补正说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="97"/>
        <source>The record is not signed yet; no addendum is needed.</source>
        <translation>笔录尚未签名，无需补正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="143"/>
        <source>The on-site work is not finished yet.</source>
        <translation>现场检查尚未结束</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="146"/>
        <source>The party has not signed yet (or its refusal and the witness are not recorded).</source>
        <translation>当事人尚未签字（或记录拒签及见证人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="150"/>
        <source>No handwritten signature yet from: {names}</source>
        <translation>尚未手写签名：{names}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="190"/>
        <location filename="../../inspector_app/services/signing.py" line="338"/>
        <source>The document does not exist.</source>
        <extracomment>Document kinds of records/ (the snapshot KIND) -&gt; DocumentRow.kind</extracomment>
        <translation>文书不存在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="220"/>
        <source>The record changed while it was being signed; sign again.</source>
        <translation>签名期间记录发生了变化，请重新签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="241"/>
        <source>You have signed this document already.</source>
        <translation>您已在该文书上签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="243"/>
        <source>This document has no signature field for you.</source>
        <translation>该文书没有您的签名位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="255"/>
        <source>Someone else signed the document meanwhile; sign again.</source>
        <translation>文书在签名期间已被他人签署，请重新签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing.py" line="298"/>
        <location filename="../../inspector_app/services/reinspection.py" line="252"/>
        <source>Only the officers of the re-inspection can sign its record.</source>
        <translation>只有参加复查的执法人员可以签署复查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/reinspection.py" line="66"/>
        <source>The re-inspection record is signed; its content and evidence are fixed.</source>
        <translation>复查记录已签名，内容和证据已固定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/reinspection.py" line="73"/>
        <source>The re-inspection does not exist.</source>
        <translation>复查记录不存在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/reinspection.py" line="83"/>
        <source>An officer of the re-inspection is not on the roster.</source>
        <translation>复查人员不在执法人员名册中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/reinspection.py" line="109"/>
        <source>The rectification was re-inspected already ({result}); it cannot be re-inspected again.</source>
        <translation>该整改已复查（{result}），不能再次复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/reinspection.py" line="270"/>
        <source>The re-inspection changed while it was being signed; sign again.</source>
        <translation>签名期间复查记录发生了变化，请重新签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_links.py" line="34"/>
        <source>Evidence can only be linked to a checklist item or a finding.</source>
        <translation>证据只能关联到检查项或问题记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_links.py" line="37"/>
        <source>The linked checklist item or finding does not exist or belongs to another inspection.</source>
        <translation>关联的检查项或问题记录不存在，或不属于本次检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_links.py" line="77"/>
        <source>The evidence has no such link.</source>
        <translation>该证据没有这项关联</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/keys.py" line="65"/>
        <source>The officer has no signing certificate (PKCS#12) yet; import one under “Signing certificates” first.</source>
        <translation>该执法人员尚未导入签名证书（PKCS#12），请先在“签名证书”中导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pki.py" line="222"/>
        <source>A PKCS#12 file must have a password.</source>
        <extracomment>Key usages (asn1crypto names); the certificate must carry at least one of them. Acceptable extended key usages when the certificate has an EKU extension (absent EKU is accepted). The X.520 description prefix used for a 执法证号 that is not ASCII (serialNumber is a PrintableString).</extracomment>
        <translation>PKCS#12 文件必须设置密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pki.py" line="243"/>
        <location filename="../../inspector_app/services/keys.py" line="71"/>
        <source>Cannot read the certificate file {file}: {problem}</source>
        <translation>无法读取证书文件 {file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pki.py" line="255"/>
        <source>The password of the certificate file {file} is wrong, or the file is damaged.</source>
        <translation>证书文件 {file} 的密码不正确，或文件已损坏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pki.py" line="259"/>
        <source>The certificate file {file} holds no private key or no certificate.</source>
        <translation>证书文件 {file} 中没有私钥或证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pki.py" line="262"/>
        <source>The key type of the certificate file {file} is not supported (RSA is needed).</source>
        <translation>证书文件 {file} 的密钥类型不受支持（需要 RSA）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pki.py" line="277"/>
        <source>Cannot read the certificate {file}.</source>
        <translation>无法读取证书 {file}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/keys.py" line="86"/>
        <source>Cannot read the certificate file: {problem}</source>
        <translation>无法读取证书文件：{problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/roster.py" line="67"/>
        <source>The institution&apos;s name is empty.</source>
        <translation>机构名称不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/roster.py" line="73"/>
        <source>The designation code {code} is malformed.</source>
        <translation>定点编码格式不正确：{code}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/roster.py" line="76"/>
        <source>The number of complaints cannot be negative.</source>
        <translation>投诉举报数不能为负数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/roster.py" line="102"/>
        <source>The officer&apos;s name is empty.</source>
        <translation>执法人员姓名不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/roster.py" line="105"/>
        <source>{name}: the certificate number is empty.</source>
        <translation>{name}：执法证号不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="129"/>
        <source>{what}: enter a number, not {value}.</source>
        <translation>{what}：请输入数字，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="132"/>
        <source>{what}: enter a finite number.</source>
        <translation>{what}：请输入有限数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="145"/>
        <source>{what}: the answer can only be yes or no.</source>
        <translation>{what}：只能回答“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="150"/>
        <source>{what}: the answer can only be yes, no or not applicable.</source>
        <translation>{what}：只能回答“是”“否”或“不适用”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="157"/>
        <source>{what}: enter a whole number, not {value}.</source>
        <translation>{what}：请输入整数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="160"/>
        <source>{what}: a count cannot be negative.</source>
        <translation>{what}：数量不能为负数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="166"/>
        <source>{what}: a percentage must be between 0 and 100.</source>
        <translation>{what}：百分比应在 0 到 100 之间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="177"/>
        <location filename="../../inspector_app/domain/checklist.py" line="262"/>
        <source>{what}: a date is written YYYY-MM-DD.</source>
        <translation>{what}：日期格式应为 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="182"/>
        <source>{what}: the text is too long (at most {limit} characters).</source>
        <translation>{what}：文字过长（最多 {limit} 字）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="187"/>
        <source>{what}: {value} is not one of the choices.</source>
        <translation>{what}：{value} 不是可选项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="192"/>
        <source>{what}: a multiple-choice answer must be a list.</source>
        <translation>{what}：多选答案应为列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="196"/>
        <source>{what}: {value} are not among the choices.</source>
        <translation>{what}：{value} 不是可选项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="203"/>
        <source>{what}: an attachment answer must be a list of evidence ids.</source>
        <translation>{what}：附件答案应为证据编号列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="206"/>
        <source>{what}: unknown answer type {type}.</source>
        <translation>{what}：未知的答案类型 {type}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="214"/>
        <source>{what}: the sample table is malformed.</source>
        <translation>{what}：抽样表格式不正确</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="220"/>
        <source>{what}: row {row} is malformed.</source>
        <translation>{what}：第 {row} 行格式不正确</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="224"/>
        <source>{what}: row {row} has undeclared columns {columns}.</source>
        <translation>{what}：第 {row} 行含未声明的列 {columns}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="246"/>
        <source>{what}: enter a whole number.</source>
        <translation>{what}：请输入整数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="249"/>
        <source>{what}: cannot be negative.</source>
        <translation>{what}：不能为负数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="269"/>
        <source>{what}: fill in yes or no only.</source>
        <translation>{what}：只能填“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/checklist.py" line="271"/>
        <source>{what}: unknown column type {type}.</source>
        <translation>{what}：未知列类型 {type}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="158"/>
        <source>change the team&apos;s credentials and conflict declarations</source>
        <extracomment>Who may review, return, approve, decide the outcome and close: the client&apos;s services and widgets and the sync server&apos;s authorisation all read this one set. The statuses a reviewer&apos;s list shows: waiting for review, under review, returned, and decided but not closed.</extracomment>
        <translation>更改检查组的亮证和回避声明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="159"/>
        <source>start the on-site inspection</source>
        <translation>开始现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="160"/>
        <source>answer the checklist</source>
        <translation>填写检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="161"/>
        <source>change the findings</source>
        <translation>更改问题记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="162"/>
        <source>change the evidence</source>
        <translation>更改证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="163"/>
        <source>finish the on-site work</source>
        <translation>结束现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="164"/>
        <source>preview the draft record</source>
        <translation>预览笔录草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="165"/>
        <source>capture a handwritten signature</source>
        <translation>采集手写签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="166"/>
        <source>record the party&apos;s signature</source>
        <translation>记录当事人签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="167"/>
        <source>sign the record</source>
        <translation>签署笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="168"/>
        <source>sign the document</source>
        <translation>签署文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="169"/>
        <source>issue a rectification notice</source>
        <translation>签发责令整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="170"/>
        <source>make a correction addendum</source>
        <translation>制作补正说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="171"/>
        <source>submit the record for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="172"/>
        <source>start the review</source>
        <translation>开始审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="173"/>
        <source>return the record for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="174"/>
        <source>approve the record</source>
        <translation>批准检查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="175"/>
        <source>comment on the record</source>
        <translation>发表审核意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="176"/>
        <source>decide the outcome</source>
        <translation>确定处理结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="177"/>
        <source>close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="178"/>
        <source>re-inspect the rectification</source>
        <translation>复查整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="179"/>
        <source>export the case file</source>
        <translation>导出案卷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="180"/>
        <source>cancel the inspection</source>
        <translation>作废检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="181"/>
        <source>make an inquiry record</source>
        <translation>制作询问笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="182"/>
        <source>record how a document was served</source>
        <translation>记录文书送达情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="191"/>
        <source>The team is not ready to go on site (two officers, credentials shown, conflicts declared).</source>
        <translation>检查组尚不具备现场检查条件（两名执法人员、亮证、回避声明）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="194"/>
        <source>The team has no officers.</source>
        <translation>检查组没有执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="197"/>
        <source>Only the officers of this inspection&apos;s team can sign its record.</source>
        <translation>只有本次检查组的执法人员可以签署笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="200"/>
        <source>Every officer of the team has signed the record.</source>
        <translation>检查组执法人员均已签署笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="203"/>
        <source>No officer&apos;s signature is waiting on this document.</source>
        <translation>该文书没有待签的执法人员签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="206"/>
        <source>The record is not signed by every officer of the team yet.</source>
        <translation>笔录尚未由检查组全部执法人员签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="210"/>
        <source>A rectification notice needs findings.</source>
        <translation>责令整改通知书须有发现的问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="213"/>
        <source>A rectification notice was issued already.</source>
        <translation>已签发责令整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="216"/>
        <source>A returned record must first be answered with a signed correction addendum, then submitted again.</source>
        <translation>退回的记录须先以签名的补正说明答复，再重新提交</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="221"/>
        <source>The rectification has not been re-inspected yet; the case cannot be closed.</source>
        <translation>整改尚未复查，不能结案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="224"/>
        <source>Decide the outcome first.</source>
        <translation>请先确定处理结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="236"/>
        <source>Only a reviewer (a team lead or an administrator) can {action}.</source>
        <translation>只有审核人（检查组组长或管理员）可以{action}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="239"/>
        <source>The record is signed and its content is fixed; make a correction addendum instead.</source>
        <translation>笔录已签名，内容已固定；如需更正请制作补正说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="242"/>
        <source>Record the credentials shown and the conflict declarations and start the on-site inspection before answering the checklist.</source>
        <translation>请先完成亮证和回避声明并开始现场检查，再填写检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="247"/>
        <source>You cannot {action} while the inspection&apos;s status is “{status}”.</source>
        <translation>检查记录处于“{status}”状态，不能{action}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/money.py" line="23"/>
        <source>The amount is empty.</source>
        <translation>金额不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/money.py" line="28"/>
        <source>The amount {text} is not a number.</source>
        <translation>金额格式不正确：{text}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/money.py" line="31"/>
        <source>The amount must be a finite number.</source>
        <translation>金额必须是有限数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/money.py" line="34"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/money.py" line="37"/>
        <source>The amount is too large; please check it.</source>
        <translation>金额过大，请核对</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/money.py" line="40"/>
        <source>An amount has at most two decimals (fen).</source>
        <translation>金额最多保留两位小数（分）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/outcomes.py" line="71"/>
        <source>The penalty map {file} is malformed: {problem}</source>
        <translation>裁量基准文件 {file} 格式错误：{problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/outcomes.py" line="78"/>
        <source>Penalty rule {article}: a field is missing or wrong: {problem}</source>
        <translation>裁量基准 {article} 缺少或错误的字段：{problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/outcomes.py" line="82"/>
        <source>Penalty rule {article}: basis must be multiple or fixed, and 0 ≤ low ≤ high.</source>
        <translation>裁量基准 {article}：basis 须为 multiple 或 fixed，且 0 ≤ low ≤ high</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/findings.py" line="30"/>
        <source>The description of the finding is empty.</source>
        <translation>问题描述不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/findings.py" line="33"/>
        <source>The amount to recover cannot exceed the amount involved.</source>
        <translation>应追回金额不能大于涉及金额</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="54"/>
        <source>draft</source>
        <extracomment>Status names for messages (parameters are translated by the UI&apos;s mapper like templates).</extracomment>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="55"/>
        <source>on site</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="56"/>
        <source>awaiting signatures</source>
        <translation>待签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="57"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="58"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="59"/>
        <source>under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="60"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="61"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="62"/>
        <source>rectification</source>
        <translation>整改跟踪</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="63"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="64"/>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/inspection.py" line="87"/>
        <source>The inspection cannot go from “{current}” to “{target}”.</source>
        <translation>检查记录不能从“{current}”变为“{target}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/team.py" line="29"/>
        <source>The credentials of {name} ({certificate}) expired on {expiry}.</source>
        <translation>{name} 的执法证（{certificate}）已于 {expiry} 过期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/team.py" line="57"/>
        <source>The same officer cannot join the team twice.</source>
        <translation>同一执法人员不能重复加入检查组</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/team.py" line="61"/>
        <source>Two members of the team have the same certificate number.</source>
        <translation>检查组中存在重复的执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/team.py" line="69"/>
        <source>An on-site inspection needs at least {minimum} officers with valid credentials (Regulation art. 29); valid now: {valid}.</source>
        <translation>现场检查须由不少于 {minimum} 名持有效执法证件的执法人员进行（条例第二十九条），当前有效人数 {valid}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/team.py" line="81"/>
        <source>{name} has not declared on conflicts of interest yet.</source>
        <translation>{name} 尚未作出回避声明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/team.py" line="86"/>
        <source>No time is recorded for {name} showing the credentials.</source>
        <translation>{name} 尚未记录亮证（出示执法证件）时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/team.py" line="89"/>
        <source>Fewer than {minimum} officers with valid credentials remain after the conflicts declared; add officers to the team.</source>
        <translation>回避后剩余的有效执法人员少于 {minimum} 名，请增补执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/credit_code.py" line="29"/>
        <source>A unified social credit code has 18 characters, not {length}.</source>
        <translation>统一社会信用代码应为 18 位，实际 {length} 位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/credit_code.py" line="33"/>
        <source>The unified social credit code has characters not used in it: {characters} (I, O, Z, S and V are never used).</source>
        <translation>统一社会信用代码含非法字符：{characters}（不使用 I、O、Z、S、V）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/credit_code.py" line="38"/>
        <source>The check character of the unified social credit code is wrong: {expected} expected, {actual} found.</source>
        <translation>统一社会信用代码校验位错误：应为 {expected}，实际为 {actual}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/agency_time.py" line="38"/>
        <source>Unknown time zone {name} (an IANA zone name is expected, such as {example}).</source>
        <translation>未知的时区 {name}（应为 IANA 时区名，如 {example}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/agency_time.py" line="62"/>
        <source>{file}: cannot be read: {problem}</source>
        <translation>{file}：无法读取：{problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/agency_time.py" line="66"/>
        <source>{file}: time_zone must be a string, such as &quot;{example}&quot;.</source>
        <translation>{file}：time_zone 应为字符串，如“{example}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/errors.py" line="18"/>
        <source>{first} {next}</source>
        <extracomment>How problems are joined, as patterns a translation may punctuate its own way (zh: &quot;；&quot; and &quot;：&quot;).</extracomment>
        <translation>{first}；{next}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/errors.py" line="19"/>
        <source>{head}: {problems}</source>
        <translation>{head}：{problems}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/errors.py" line="21"/>
        <source>{first}, {next}</source>
        <extracomment>How the items of a list parameter are joined (zh: &quot;、&quot;).</extracomment>
        <translation>{first}、{next}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="183"/>
        <source>seal or preserve evidence</source>
        <translation>封存或先行登记保存证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="184"/>
        <source>register an audio or video recording</source>
        <translation>登记音像记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/photo_stamp.py" line="85"/>
        <source>The photo cannot be read as an image.</source>
        <translation>照片无法作为图像读取。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="111"/>
        <source>Choose sealing or registered preservation.</source>
        <translation>请选择封存或先行登记保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="118"/>
        <location filename="../../inspector_app/services/seizures.py" line="249"/>
        <source>Two different officers of this inspection&apos;s team carry out the measure.</source>
        <translation>须由本次检查组的两名不同执法人员实施。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="157"/>
        <location filename="../../inspector_app/services/seizures.py" line="241"/>
        <source>The first officer signs the notice first.</source>
        <translation>由第一名执法人员先签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="235"/>
        <source>Record why the sealing period is extended.</source>
        <translation>请记录延长封存期限的理由。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="293"/>
        <source>Only a sealing period can be extended; a preservation needs its decision within 7 days.</source>
        <translation>只有封存期限可以延长；先行登记保存须在 7 日内作出处理决定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="297"/>
        <source>The sealing period was extended already; it can be extended only once.</source>
        <translation>封存期限已延长过，只能延长一次。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="302"/>
        <source>The sealing period ended on {date}; it can no longer be extended.</source>
        <translation>封存期限已于 {date} 届满，不能再延长。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="311"/>
        <source>Choose release or handling decision.</source>
        <translation>请选择解除或作出处理决定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="314"/>
        <source>Record what was decided (the decision and its number, or how the items were returned).</source>
        <translation>请记录处理结果（处理决定及文号，或物品返还情况）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="300"/>
        <location filename="../../inspector_app/services/seizures.py" line="319"/>
        <source>The measure {number} was ended already.</source>
        <translation>措施 {number} 已经解除或处理。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="289"/>
        <location filename="../../inspector_app/services/seizures.py" line="347"/>
        <source>The measure does not exist.</source>
        <translation>该措施不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/recordings.py" line="59"/>
        <source>{name} is not an audio or video file.</source>
        <translation>{name} 不是音频或视频文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/recordings.py" line="62"/>
        <location filename="../../inspector_app/storage/av_facts.py" line="26"/>
        <source>The audio or video file cannot be read: {reason}</source>
        <translation>无法读取该音视频文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/recordings.py" line="71"/>
        <source>Choose the stage of the visit the recording covers.</source>
        <translation>请选择该音像记录对应的检查环节。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/recordings.py" line="77"/>
        <source>The recording must be made by an officer of this inspection&apos;s team.</source>
        <translation>记录人须为本次检查组的执法人员。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/recordings.py" line="87"/>
        <source>This recording is in the register already.</source>
        <translation>该音像记录已登记。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/lead_sample.py" line="67"/>
        <source>Choose the leads first.</source>
        <translation>请先选择线索。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/lead_sample.py" line="77"/>
        <source>{item}: the item has no sample table to fill.</source>
        <translation>{item}：该项目没有可填写的抽样表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/record_builder.py" line="266"/>
        <source>The evidence list changed after the party confirmed it; let the party check it again.</source>
        <translation>证据清单在当事人核对确认后有变动，请当事人重新核对。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_list.py" line="41"/>
        <source>Unknown statutory evidence type: {value}</source>
        <translation>未知的法定证据种类：{value}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_list.py" line="57"/>
        <source>The page count {value} is not a whole number between 1 and {max}.</source>
        <translation>页数 {value} 不是 1 至 {max} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_list.py" line="74"/>
        <source>The provider&apos;s name is longer than {max} characters.</source>
        <translation>提供人名称超过 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_list.py" line="97"/>
        <source>Record why the party refuses to confirm the evidence list.</source>
        <translation>请记录当事人拒绝核对证据清单的理由。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_list.py" line="100"/>
        <source>Fill in the name of the person confirming the evidence list.</source>
        <translation>请填写核对确认证据清单的人员姓名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence_list.py" line="110"/>
        <source>The evidence list is empty; there is nothing to confirm.</source>
        <translation>证据清单为空，无需核对确认。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/document_pipeline.py" line="170"/>
        <source>Signing was cancelled; nothing was signed.</source>
        <translation>已取消签名，未签署任何内容。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/cli_words.py" line="23"/>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/__init__.py" line="56"/>
        <source>There is no trusted root certificate: name the agency&apos;s CA certificate with --trust, or import it into the workspace.</source>
        <translation>没有可信根证书：请用 --trust 指定机构 CA 证书，或在工作区导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="75"/>
        <source>The inspection record is not signed yet, so no case file or publication can be exported: a case file is built on the signed record. Sign it first.</source>
        <extracomment>The outcome&apos;s self-inspection advice for an inspection: (campaign name, LeniencyAdvice) or None (services/lead_review.py LeadReviewService.leniency_for).</extracomment>
        <translation>该检查的现场检查笔录尚未签名，不能导出案卷或公开信息：一案一卷以已签名的笔录为准，请先完成签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="80"/>
        <source>{count} officer(s) have not signed the inspection record yet; it can be exported once every officer has signed.</source>
        <translation>现场检查笔录尚有 {count} 名执法人员未签名，全部执法人员签名后才能导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="94"/>
        <source>Only an officer or the team lead named in the record can seal the case file: let the officer in charge or the team lead export it.</source>
        <translation>封卷人须为笔录所载的执法人员或检查组组长：请由承办本案的执法人员或组长导出案卷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="114"/>
        <source>The PDF of document {number} is missing on this computer (perhaps not downloaded from the server yet).</source>
        <translation>文书 {number} 的 PDF 在本机缺失（可能尚未从服务器下载）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="133"/>
        <source>The journal of the inspection does not verify, so the case file cannot be exported: {problems}</source>
        <translation>全过程记录校验不通过，不能导出案卷：{problems}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="147"/>
        <source>A stored file is damaged ({file}: its SHA-256 differs from the registered one); the case file was not exported.</source>
        <translation>本机存储的文件已损坏（{file}：SHA-256 与登记值不符），案卷未导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="161"/>
        <source>The PDF of document {number} is missing on this computer (perhaps not downloaded from the server yet); the case file was not exported.</source>
        <translation>文书 {number} 的 PDF 在本机缺失（可能尚未从服务器下载），案卷未导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="168"/>
        <source>The stored PDF of document {number} is damaged (its SHA-256 differs from the registered one); the case file was not exported.</source>
        <translation>本机存储的文书 {number} 已损坏（SHA-256 与登记值不符），案卷未导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="174"/>
        <source>The content embedded in document {number} does not match its content hash; the case file was not exported.</source>
        <translation>文书 {number} 中嵌入的内容与其内容哈希不一致，案卷未导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="202"/>
        <source>The signing certificate belongs to {holder} (certificate {holder_no}), not to the sealer the record names, {sealer} (certificate {sealer_no}); the case file was not exported.</source>
        <translation>签名证书的持有人 {holder}（执法证号 {holder_no}）与笔录所载封卷人 {sealer}（执法证号 {sealer_no}）不符，案卷未导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="247"/>
        <source>Signing the seal failed; the case file was not exported</source>
        <translation>封卷签名失败，案卷未导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="284"/>
        <location filename="../../inspector_app/services/case_file/export.py" line="295"/>
        <source>The original file of evidence {number} is missing on this computer (perhaps not downloaded from the server yet); the case file was not exported.</source>
        <translation>证据 {number} 的原始文件在本机缺失（可能尚未从服务器下载），案卷未导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/export.py" line="315"/>
        <source>The original of item photo {photo} of {number} is not on this computer (perhaps not yet downloaded from the server); the case file was not exported.</source>
        <translation>{number} 物品照片 {photo} 的原始文件在本机缺失（可能尚未从服务器下载），案卷未导出。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="41"/>
        <source>The database {path} is damaged (integrity check: {detail}); the program refuses to open it so that no wrong data is listed or exported. Restore the latest backup: inspector restore --from &quot;{backup}&quot; (the damaged file is kept in the corrupt/ folder).</source>
        <translation>数据库 {path} 已损坏（完整性检查：{detail}），为免列出或导出错误数据，程序拒绝打开。请用最近的备份恢复：inspector restore --from &quot;{backup}&quot;（损坏的文件会被保留在 corrupt/ 文件夹中）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="47"/>
        <source>The database {path} is damaged (integrity check: {detail}); the program refuses to open it so that no wrong data is listed or exported. There is no backup on this computer: ask the IT department to sync it again from the server.</source>
        <translation>数据库 {path} 已损坏（完整性检查：{detail}），为免列出或导出错误数据，程序拒绝打开。没有找到本机备份，请联系信息部门从服务器重新同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="124"/>
        <source>The backup file does not exist: {backup}</source>
        <translation>备份文件不存在：{backup}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="128"/>
        <source>The backup file is empty: {backup}</source>
        <translation>备份文件为空：{backup}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="132"/>
        <source>The backup {backup} is encrypted and needs the workspace key</source>
        <translation>备份 {backup} 已加密，需要工作区密钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="137"/>
        <source>The backup {backup} cannot be decrypted with this workspace&apos;s key (it is not a backup of this workspace, or it is damaged)</source>
        <translation>备份 {backup} 无法用本工作区的密钥解密（不是本工作区的备份，或已损坏）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="144"/>
        <source>The backup {backup} itself is damaged (integrity check: {detail})</source>
        <translation>备份 {backup} 本身已损坏（完整性检查：{detail}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="153"/>
        <source>The backup {backup} is damaged or cannot be read: {detail}</source>
        <translation>备份 {backup} 已损坏或无法读取：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/integrity.py" line="159"/>
        <source>The backup {backup} is not a database of this program (of this version)</source>
        <translation>备份 {backup} 不是本程序（本版本）的数据库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/sqlcipher.py" line="101"/>
        <source>{path} is not a plain SQLite database: an encrypted workspace needs a sign-in (the workspace key) to open. The file was not changed.</source>
        <translation>{path} 不是未加密的 SQLite 数据库：若是加密的工作区，需要登录（工作区密钥）才能打开；文件未作任何修改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/sqlcipher.py" line="111"/>
        <source>The database {path} is not encrypted yet and cannot be opened with a key (convert it first).</source>
        <translation>数据库 {path} 尚未加密，不能用密钥打开（应先转换）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/sqlcipher.py" line="114"/>
        <source>The database {path} does not decrypt with the current workspace key: the key is wrong, or the file&apos;s first page is damaged. The file was not changed.</source>
        <translation>数据库 {path} 无法用当前工作区密钥解密：密钥不正确，或文件首页已损坏。文件未作任何修改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/migrate.py" line="100"/>
        <source>{path} is not a database of this program (it has no schema version). It was not changed.</source>
        <translation>{path} 不是本程序的数据库（没有版本信息），未作任何修改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/migrate.py" line="112"/>
        <source>{path} cannot be opened as an SQLite database: {reason}</source>
        <translation>{path} 无法作为 SQLite 数据库打开：{reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/migrate.py" line="137"/>
        <source>The database {path} was created by a newer version of the program (schema version {revision}); this version cannot open it safely. The file was not changed: update the program, then open it again.</source>
        <translation>数据库 {path} 由更新版本的程序创建（结构版本 {revision}），本版本无法安全打开。文件未作任何修改，请升级程序后再打开。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/plans.py" line="277"/>
        <source>A phase of the plan has no name.</source>
        <translation>计划的某一工作阶段未填写名称。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="283"/>
        <source>Only a team lead or an administrator can edit a plan.</source>
        <translation>只有组长或管理员可以编辑检查计划。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/rules.py" line="286"/>
        <source>The plan is no longer a draft; it can only be read.</source>
        <translation>该计划已不是草拟状态，只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/evidence.py" line="211"/>
        <source>The file is already saved as the photo of a sealed or preserved item.</source>
        <translation>该文件已作为封存／先行登记保存物品的照片保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/seizures.py" line="238"/>
        <source>Name the agency head who approved the extension.</source>
        <translation>请填写批准延长的行政机关负责人。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/recordings.py" line="119"/>
        <source>Only a recording in the register can be trimmed.</source>
        <translation>只有已登记的音像记录才能截取片段。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/av_trim.py" line="24"/>
        <source>The clip must end after it starts ({start} – {end} ms).</source>
        <translation>片段的结束时间须晚于开始时间（{start}–{end} 毫秒）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/av_trim.py" line="48"/>
        <location filename="../../inspector_app/storage/av_trim.py" line="79"/>
        <source>The clip {start} – {end} ms is outside the recording.</source>
        <translation>片段 {start}–{end} 毫秒超出了录音录像的时长。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/av_trim.py" line="52"/>
        <location filename="../../inspector_app/storage/av_trim.py" line="65"/>
        <source>The clip cannot be cut from this file: {reason}</source>
        <translation>无法从该文件截取片段：{reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signin.py" line="153"/>
        <source>This workspace already has a workspace key.</source>
        <translation>该工作区已有工作区密钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/conversion.py" line="98"/>
        <source>The encrypted database failed its check ({problem}); the original database is unchanged.</source>
        <translation>加密后的数据库校验失败（{problem}），原数据库未改动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslot_kdf.py" line="29"/>
        <source>The password is wrong.</source>
        <translation>密码不正确</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslot_kdf.py" line="80"/>
        <source>The key slot asks for key-derivation parameter {name} = {value}, outside {low}–{high}: the key slot file is damaged or was tampered with.</source>
        <translation>密钥槽要求的密钥派生参数 {name} = {value} 超出 {low}–{high} 的范围：密钥槽文件已损坏或被篡改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslot_kdf.py" line="104"/>
        <source>This computer&apos;s cryptography library cannot compute Argon2id (it needs OpenSSL 3.2 or later): {detail}</source>
        <translation>本机的加密库无法计算 Argon2id（需要 OpenSSL 3.2 或更高版本）：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslot_kdf.py" line="111"/>
        <source>Unsupported key derivation algorithm: {alg}.</source>
        <translation>不支持的密钥派生算法：{alg}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="79"/>
        <source>The password needs at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="91"/>
        <source>The recovery public key cannot be read (it must be an RSA public key in PEM format): {detail}</source>
        <translation>恢复公钥无法读取（须为 PEM 格式的 RSA 公钥）：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="95"/>
        <source>The recovery public key must be an RSA key of at least 3072 bits.</source>
        <translation>恢复公钥须为至少 3072 位的 RSA 公钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="107"/>
        <source>The recovery private key cannot be read: {detail}</source>
        <translation>恢复私钥无法读取：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="110"/>
        <source>The recovery private key must be an RSA private key.</source>
        <translation>恢复私钥须为 RSA 私钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="171"/>
        <source>The workspace key already exists: {path}</source>
        <translation>工作区密钥已存在：{path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="190"/>
        <source>The workspace has no key slot file: {path}</source>
        <translation>工作区没有密钥槽文件：{path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="193"/>
        <source>The key slot file cannot be read: {path}: {detail}</source>
        <translation>密钥槽文件无法读取：{path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="198"/>
        <source>Unsupported key slot file version: {format} ({path})</source>
        <translation>密钥槽文件版本不支持：{format}（{path}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="205"/>
        <source>The key slot file is malformed: {path}: {detail} is missing</source>
        <translation>密钥槽文件格式不正确：{path}：缺少 {detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="222"/>
        <source>{who} has no sign-in password on this computer (who can sign in: {names}).</source>
        <translation>本机没有 {who} 的登录密码（可登录：{names}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="226"/>
        <source>Several officers are named {who}; use the certificate number instead.</source>
        <translation>有多名执法人员名为 {who}，请改用执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="237"/>
        <source>The role must be {roles}: {role}</source>
        <translation>角色须为 {roles}：{role}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="255"/>
        <location filename="../../inspector_app/storage/keyslots.py" line="327"/>
        <source>This officer has no sign-in password on this computer.</source>
        <translation>该执法人员在本机没有登录密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="290"/>
        <source>The key slot file now belongs to another workspace: {path}</source>
        <translation>密钥槽文件已属于另一个工作区：{path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="307"/>
        <source>This key is not the key of this workspace.</source>
        <translation>该密钥不是本工作区的密钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="341"/>
        <source>This recovery private key does not match the workspace&apos;s recovery public key.</source>
        <translation>该恢复私钥与本工作区的恢复公钥不匹配</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/keyslots.py" line="346"/>
        <location filename="../../inspector_app/storage/keyslots.py" line="349"/>
        <source>The recovery slot is damaged or was tampered with.</source>
        <translation>恢复槽已损坏或被篡改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="32"/>
        <source>Supported formats: JPEG, PNG, TIFF and WebP images, PDF documents, MP4, MOV, MP3, WAV and M4A audio and video.</source>
        <extracomment>A parameter of several refusals; the UI translates string parameters too (ui/errors.py).</extracomment>
        <translation>支持的格式：JPEG、PNG、TIFF、WebP 图片，PDF 文档，MP4、MOV、MP3、WAV、M4A 音视频</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="96"/>
        <source>The file is empty (0 bytes) and cannot be evidence.</source>
        <translation>文件为空（0 字节），不能作为证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="114"/>
        <source>HEIC/HEIF/AVIF photos are not supported yet. On the phone choose “Settings → Camera → Formats → Most Compatible” (JPEG), or convert the photos to JPEG before importing them.</source>
        <translation>暂不支持 HEIC/HEIF/AVIF 格式照片。请在手机“设置 → 相机 → 格式”中选择“兼容性最佳”（JPEG），或先将照片转换为 JPEG 再导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="129"/>
        <source>Word, Excel and other office documents or archives cannot be imported as evidence directly; save them as PDF first. {supported}</source>
        <translation>Word/Excel 等办公文档或压缩包不能直接作为证据导入，请先另存为 PDF。{supported}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="133"/>
        <source>GIF and BMP images are not supported; convert them to JPEG or PNG before importing. {supported}</source>
        <translation>不支持 GIF/BMP 图片，请转换为 JPEG 或 PNG 后再导入。{supported}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="136"/>
        <source>Unrecognised file type (judged by the file&apos;s content, not its extension). {supported}</source>
        <translation>无法识别的文件类型（按文件内容判断，与扩展名无关）。{supported}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="160"/>
        <source>The image has too many pixels, more than the limit of {limit} megapixels; it may be a damaged or malicious file (a decompression bomb). Import refused.</source>
        <translation>图片像素数过大，超过 {limit} 百万像素的上限，可能是异常或恶意文件（解压炸弹），已拒绝导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="163"/>
        <source>The image has too many pixels ({width}×{height}), more than the limit of {limit} megapixels; it may be a damaged or malicious file (a decompression bomb). Import refused.</source>
        <translation>图片像素数过大（{width}×{height}），超过 {limit} 百万像素的上限，可能是异常或恶意文件（解压炸弹），已拒绝导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="179"/>
        <source>The image cannot be recognised; the file may be damaged.</source>
        <translation>图片无法识别，文件可能已损坏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="183"/>
        <source>The image file is incomplete (it may have been cut off while being copied or transferred); copy it again from the original device.</source>
        <translation>图片文件不完整（可能在拷贝或传输中被截断），请从原始设备重新拷贝</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="192"/>
        <source>The image cannot be decoded; the file may be damaged ({detail}).</source>
        <translation>图片无法解码，文件可能已损坏（{detail}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/media.py" line="230"/>
        <source>The PDF file is incomplete (its end-of-file marker is missing); it may have been cut off while being copied or downloaded.</source>
        <translation>PDF 文件不完整（缺少文件结束标记），可能在拷贝或下载中被截断</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/base.py" line="126"/>
        <source>Sign in to the sync server first.</source>
        <translation>请先登录同步服务器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/base.py" line="134"/>
        <source>Cannot connect to the sync server: {reason}</source>
        <translation>无法连接同步服务器：{reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/base.py" line="138"/>
        <source>The server&apos;s storage is full; the sync will be retried automatically.</source>
        <translation>服务器存储空间已满，稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/base.py" line="141"/>
        <source>Server error {status}</source>
        <translation>服务器错误 {status}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/base.py" line="146"/>
        <source>The sign-in has expired; sign in again.</source>
        <translation>登录已过期，请重新登录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/blob_sync.py" line="192"/>
        <source>Another device is uploading this file.</source>
        <translation>该文件正在由另一台设备上传</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/blob_sync.py" line="197"/>
        <source>The file upload failed again and again (digest mismatch).</source>
        <translation>文件上传反复失败（摘要不符）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/blob_sync.py" line="208"/>
        <source>The upload did not finish within the allowed number of attempts.</source>
        <translation>上传未能在限定次数内完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/blob_sync.py" line="263"/>
        <source>The downloaded file does not match its digest; it will be fetched again later.</source>
        <translation>下载的文件与摘要不符，稍后重试</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/errors.py" line="48"/>
        <source>The server refused: {message}</source>
        <translation>服务器拒绝了请求：{message}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/transfer.py" line="55"/>
        <source>The server reports a sequence number used twice: the sync data on this computer may be damaged; contact the administrator.</source>
        <translation>服务器报告序号被重复使用：本机同步数据可能已损坏，请联系管理员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/actions.py" line="63"/>
        <source>The comment is empty.</source>
        <translation>意见内容不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/actions.py" line="77"/>
        <source>The review decision can only be “approve” or “return”.</source>
        <translation>审核结论只能是“批准”或“退回”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/actions.py" line="83"/>
        <source>The inspection record is not signed on the server yet; it cannot be reviewed.</source>
        <translation>检查记录尚未在服务器上签字，不能审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/conflicts.py" line="69"/>
        <source>The conflict does not exist or has been dealt with already.</source>
        <translation>该冲突不存在或已处理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/conflicts.py" line="74"/>
        <source>For this kind of conflict only the server&apos;s content can be kept.</source>
        <translation>此类冲突只能确认保留服务器上的内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/sync/conflicts.py" line="84"/>
        <source>The value is not valid: {detail}</source>
        <translation>取值无效：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/demo/workspace.py" line="152"/>
        <source>The workspace already has institutions; demo data can only be created in an empty workspace.</source>
        <translation>该工作区已有机构名录，演示数据只能在空工作区中创建</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="180"/>
        <source>The time {time} has no time zone.</source>
        <extracomment>Keys of `SignatureImage.signer` that are not officer ids. A field added after records were signed without it: left out of the canonical form while it holds its default, so the content hash (and the re-rendered pages) of a record signed before the field existed stay as signed. a sample (抽查) item prints its rows as a sub-table: the declared column labels, then one tuple per row (cells as text, the last column 是否违规); both empty for other answer types</extracomment>
        <translation>时间 {time} 缺少时区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="192"/>
        <source>Hashed content must not contain floating-point numbers.</source>
        <translation>哈希内容不得包含浮点数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="236"/>
        <source>Record the party&apos;s reason for refusing to sign.</source>
        <translation>当事人拒绝签字时须记录拒签理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="240"/>
        <source>When the party refuses to sign, record the witness&apos;s name, ID number and relation to the party.</source>
        <translation>当事人拒绝签字时须记录见证人姓名、身份证号和与当事人关系</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="244"/>
        <source>The witness&apos;s signature is missing.</source>
        <translation>缺少见证人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="248"/>
        <source>The name of the party&apos;s signer is missing.</source>
        <translation>缺少当事人签字人姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="251"/>
        <source>The party&apos;s signature is missing.</source>
        <translation>缺少当事人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="257"/>
        <source>The record must name at least two enforcement officers with different enforcement certificate numbers (Regulation, art. 29).</source>
        <translation>笔录须载明不少于 2 名执法人员及其不同的执法证号（条例第二十九条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="262"/>
        <source>{name} has no enforcement certificate number.</source>
        <translation>{name} 缺少执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_base.py" line="268"/>
        <source>The head hash of the whole-process record does not match its last event.</source>
        <translation>全过程记录的链头哈希与最后一条事件不符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/signing.py" line="80"/>
        <source>The key usage of the certificate {certificate} does not allow signing documents (non-repudiation / content commitment is needed): {detail}</source>
        <translation>证书 {certificate} 的密钥用途不适用于文书签名（需要不可否认/内容承诺用途）：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/signing.py" line="231"/>
        <source>The file has no signature field {field}.</source>
        <translation>文件中没有签名域 {field}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/signing.py" line="255"/>
        <source>Signing failed ({field}): {detail}</source>
        <translation>签名失败（{field}）：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/signing.py" line="261"/>
        <source>The file to be signed cannot be opened: {detail}</source>
        <translation>无法打开待签名文件：{detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/signing.py" line="287"/>
        <source>There is no signature position named {field}.</source>
        <translation>没有名为 {field} 的签名位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/signing.py" line="294"/>
        <source>The file is signed already; later signatures use countersign.</source>
        <translation>文件已有签名；后续签名请使用 countersign</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/sealed.py" line="99"/>
        <source>{file}: not a file encrypted by this program, or its header is damaged.</source>
        <translation>{file}: 不是本程序加密的文件，或文件头已损坏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/sealed.py" line="107"/>
        <source>{file}: the encrypted file is incomplete (truncated).</source>
        <translation>{file}: 加密文件不完整（被截断）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/sealed.py" line="124"/>
        <source>{file}: the encrypted file is damaged, truncated or tampered with (chunk {chunk} fails its check), or it belongs to another workspace.</source>
        <translation>{file}: 加密文件已损坏、被截断或被篡改（第 {chunk} 段校验失败），或不属于本工作区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/casefile_cli.py" line="37"/>
        <source>The record names no officer who can seal the case file.</source>
        <translation>笔录中没有可封卷的执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/casefile_cli.py" line="42"/>
        <source>--officer {wanted}: several sealing officers match (choose from: {choices}).</source>
        <translation>--officer {wanted}：有多名匹配的封卷人（可选：{choices}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/casefile_cli.py" line="46"/>
        <source>--officer {wanted}: no sealing officer matches (choose from: {choices}).</source>
        <translation>--officer {wanted}：没有匹配的封卷人（可选：{choices}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/casefile_cli.py" line="51"/>
        <source>Name the sealing officer with --officer (choose from: {choices}).</source>
        <translation>请用 --officer 指定封卷人（可选：{choices}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/casefile_cli.py" line="58"/>
        <source>Not a valid choice: {answer}</source>
        <translation>无效的选择：{answer}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="40"/>
        <source>There is no password on standard input.</source>
        <translation>标准输入中没有密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="47"/>
        <source>A password is needed: use --password-stdin or the INSPECTOR_PASSWORD environment variable, or run in a terminal to type it.</source>
        <translation>需要密码：请用 --password-stdin、INSPECTOR_PASSWORD 环境变量，或在终端中运行以输入密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="81"/>
        <source>This workspace needs a sign-in: use --user NAME (who can sign in: {names}).</source>
        <translation>该工作区需要登录：请用 --user 姓名（可登录：{names}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="88"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="168"/>
        <source>The two passwords typed are not the same.</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="171"/>
        <source>A new password is needed: use --password-stdin or the INSPECTOR_NEW_PASSWORD environment variable, or run in a terminal.</source>
        <translation>需要新密码：请用 --password-stdin、INSPECTOR_NEW_PASSWORD 环境变量，或在终端中运行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="190"/>
        <source>The recovery private key is encrypted: run in a terminal, or give its passphrase in INSPECTOR_RECOVERY_KEY_PASSWORD.</source>
        <translation>恢复私钥已加密：请在终端中运行，或用 INSPECTOR_RECOVERY_KEY_PASSWORD 提供其口令</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="201"/>
        <source>The roster has several officers {name}.</source>
        <translation>执法人员名录中有多名 {name}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="203"/>
        <source>The roster has no officer {name}.</source>
        <translation>执法人员名录中没有 {name}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="223"/>
        <source>This workspace has a workspace key already; add officers with inspector keys add.</source>
        <translation>该工作区已有工作区密钥；新增执法人员请用 inspector keys add</translation>
    </message>
    <message>
        <location filename="../../inspector_app/signin_cli.py" line="248"/>
        <source>This workspace has no workspace key yet: run inspector keys init first.</source>
        <translation>该工作区还没有工作区密钥：请先运行 inspector keys init</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="86"/>
        <source>The record number is missing.</source>
        <extracomment>The agency&apos;s time zone as configured (domain/agency_time.py: config/agency.toml or INSPECTOR_TIMEZONE, default Asia/Shanghai); records print local time on that clock — the screens and the CLI use the same setting. the party&apos;s confirmation of the 证据清单 (None: not given; printed as such)</extracomment>
        <translation>缺少笔录编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="90"/>
        <source>Record the party&apos;s reason for refusing to confirm the evidence list.</source>
        <translation>当事人拒绝核对证据清单时须记录理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="93"/>
        <source>The name of the party&apos;s signer confirming the evidence list is missing.</source>
        <translation>证据清单核对确认缺少当事人签字人姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="96"/>
        <source>The inspection ends before it starts.</source>
        <translation>检查结束时间早于开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="101"/>
        <source>The time {name} showed the credentials is not recorded.</source>
        <translation>{name} 未记录亮证时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="105"/>
        <source>The whole-process record is missing (Administrative Penalty Law, art. 47).</source>
        <translation>缺少全过程记录（行政处罚法第四十七条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="151"/>
        <source>State the reason for the correction.</source>
        <translation>补正须说明理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="154"/>
        <source>List what the correction changes.</source>
        <translation>补正须列明更正内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="157"/>
        <source>The correction must refer to the content hash of the original record.</source>
        <translation>补正须关联原笔录的内容哈希</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="199"/>
        <source>The notice must list the problems to be corrected.</source>
        <extracomment>remedies (行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条: 6 months), bodies from the workspace settings</extracomment>
        <translation>通知书须列明需整改的问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="202"/>
        <source>The deadline for correcting must be after the date of issue.</source>
        <translation>整改期限须晚于发文日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="205"/>
        <source>The notice must state how to report the correction and the consequence of not correcting.</source>
        <translation>通知书须写明整改报告方式和逾期不改的后果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="244"/>
        <source>The re-inspection record number is missing.</source>
        <extracomment>Results a re-inspection can record (domain.outcomes.RectificationResult values; records/ stays domain-free).</extracomment>
        <translation>缺少复查记录编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="247"/>
        <source>Choose the result of the re-inspection (corrected / partly corrected / not corrected by the deadline).</source>
        <translation>请选择复查结论（整改到位／部分整改／逾期未改）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="251"/>
        <source>Record what the re-inspection found.</source>
        <translation>请记录复查情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model.py" line="254"/>
        <source>The re-inspection record must refer to the content hash of the original record.</source>
        <translation>复查记录须关联原笔录的内容哈希</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="98"/>
        <source>The inquiry record number is missing.</source>
        <extracomment>What the person questioned is to the matter, and the statutory evidence type the record is (行政处罚法 第四十六条). 送达方式 (行政处罚法 第六十一条; 民事诉讼法 on 留置送达): 留置 needs a witness and a photo of the document left.</extracomment>
        <translation>缺少询问笔录编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="101"/>
        <source>Choose the role of the person questioned (party / witness).</source>
        <translation>请选择被询问人身份（当事人／证人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="103"/>
        <source>full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="104"/>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="105"/>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="108"/>
        <source>The person questioned lacks: {fields}.</source>
        <translation>被询问人缺少：{fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="111"/>
        <source>The inquiry ends before it starts.</source>
        <translation>询问结束时间早于开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="114"/>
        <source>Enter where the inquiry takes place.</source>
        <translation>请填写询问地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="117"/>
        <source>Every question of the inquiry must have its answer recorded.</source>
        <translation>询问笔录须有问有答（每一问都须记录回答）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="120"/>
        <source>Record the answer of the person questioned on whether they apply for recusal.</source>
        <translation>请记录被询问人对是否申请回避的回答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="124"/>
        <source>The correction ({where}) must be confirmed by the signature or fingerprint of the person questioned.</source>
        <translation>更正（{where}）须由被询问人签名或捺印确认</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="166"/>
        <source>The proof-of-service number is missing.</source>
        <translation>缺少送达回证编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="169"/>
        <source>Choose how the document is served.</source>
        <translation>请选择送达方式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="172"/>
        <source>The proof of service must name the served document and its number.</source>
        <translation>送达回证须写明送达文书的名称和文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="175"/>
        <source>Enter the recipient.</source>
        <translation>请填写受送达人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="178"/>
        <source>Service in person needs the receiver&apos;s signature.</source>
        <translation>直接送达须由签收人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="182"/>
        <source>Service by leaving the document needs a witness (name and ID number).</source>
        <translation>留置送达须有见证人（姓名、身份证号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="185"/>
        <source>Service by leaving the document needs a photo of the document left.</source>
        <translation>留置送达须拍照记录留置的文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="188"/>
        <source>Service by leaving the document must state the refusal and where the document was left.</source>
        <translation>留置送达须写明拒收情况和留置地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="192"/>
        <source>Service by post needs the number of the postal item.</source>
        <translation>邮寄送达须记录邮件号码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_docs.py" line="195"/>
        <source>Electronic service needs the electronic address the recipient agreed to.</source>
        <translation>电子送达须记录受送达人同意的电子地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="100"/>
        <source>The number of the {document} is missing.</source>
        <translation>缺少{document}编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="103"/>
        <source>State the facts and reasons for taking the measure.</source>
        <translation>请写明采取措施的事实和理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="106"/>
        <source>Enter where the measure is carried out.</source>
        <translation>请填写执行地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="109"/>
        <source>The list of items must have at least one item.</source>
        <translation>物品清单至少须有一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="112"/>
        <source>item name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="113"/>
        <source>item quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="114"/>
        <source>item unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="115"/>
        <source>storage place</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="118"/>
        <source>Item {item} of the list lacks: {fields}.</source>
        <translation>清单第 {item} 项缺少：{fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="121"/>
        <source>The quantity “{quantity}” of item {item} is not a positive number.</source>
        <translation>清单第 {item} 项的数量“{quantity}”不是正数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="126"/>
        <source>The photo {photo}… of item {item} has no print image.</source>
        <translation>清单第 {item} 项的照片 {photo}… 没有打印图像</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="129"/>
        <source>The period does not match the statutory period.</source>
        <translation>期限与法定期限不符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="132"/>
        <source>Registration and preservation needs the approval of the agency head (Administrative Penalty Law, art. 56).</source>
        <translation>先行登记保存须经行政机关负责人批准（行政处罚法第五十六条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="156"/>
        <source>seal decision</source>
        <translation>封存决定书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="166"/>
        <source>registration and preservation notice</source>
        <translation>先行登记保存通知书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="203"/>
        <source>The number of the seal extension decision is missing.</source>
        <translation>缺少延长封存决定书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="206"/>
        <source>The number of the seal decision being extended is missing.</source>
        <translation>缺少所延长的封存决定书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="209"/>
        <source>State why the seal period is extended.</source>
        <translation>请写明延长封存期限的理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="212"/>
        <source>Extending a seal needs the approval of the agency head (Administrative Compulsion Law, art. 25).</source>
        <translation>延长封存期限须经行政机关负责人批准（行政强制法第二十五条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="218"/>
        <source>The extended period does not match the statutory period (an extension is at most 30 days).</source>
        <translation>延长后的期限与法定期限不符（延长不得超过三十日）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/model_seizure.py" line="222"/>
        <source>A seal cannot be extended after its period has ended.</source>
        <translation>封存期限届满后不能再延长</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/journal.py" line="64"/>
        <source>Event {count} has sequence number {seq}, expected {expected} (an event was deleted, inserted or reordered).</source>
        <translation>第 {count} 条事件序号为 {seq}，应为 {expected}（事件被删除、插入或调换顺序）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/journal.py" line="68"/>
        <source>The previous hash of sequence number {seq} does not match the event before it (the chain is broken).</source>
        <translation>序号 {seq} 的前序哈希与上一条事件不符（链条断开）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/journal.py" line="74"/>
        <source>The content of sequence number {seq} does not match its hash (the event was modified).</source>
        <translation>序号 {seq} 的内容与其哈希不符（事件被修改）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/journal.py" line="80"/>
        <source>The hash at the end of the chain does not match the recorded head (events at the end were deleted or appended).</source>
        <translation>链尾哈希与记录的链头不一致（末尾事件被删除或追加）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pagecompare.py" line="199"/>
        <source>shows “…{shown}…” where it should read “…{expected}…”</source>
        <translation>显示“…{shown}…”，应为“…{expected}…”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pagecompare.py" line="203"/>
        <source>The text differs in {count} places, among them: {problems}</source>
        <translation>文字不同：{problems} 等 {count} 处</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pagecompare.py" line="205"/>
        <source>The text differs</source>
        <translation>文字不同</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pagecompare.py" line="214"/>
        <source>The file has {pages} pages; rendered from the signed data it has {expected}.</source>
        <translation>页数不同：文件 {pages} 页，按签名数据生成应为 {expected} 页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pagecompare.py" line="227"/>
        <source>The images differ ({extra} not in the signed data, {missing} of the signed data not shown).</source>
        <translation>图像不同（{extra} 幅不属于签名数据，{missing} 幅签名数据中的图像未显示）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pagecompare.py" line="231"/>
        <source>What is drawn (lines, glyphs or layout) differs.</source>
        <translation>绘制内容（线条、字形或版式）不同</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/pagecompare.py" line="233"/>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="81"/>
        <source>An image of the signed data (SHA-256 {digest}…) was not saved with the file.</source>
        <extracomment>kind -&gt; (snapshot class, renderer). Kinds not listed here fall back to the key-facts check (visible.py).</extracomment>
        <translation>签名数据中的图像（SHA-256 {digest}…）没有随文件保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="87"/>
        <source>A field value has the wrong type: {value}</source>
        <translation>字段值类型不符：{value}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="90"/>
        <source>A field type that cannot be rebuilt: {type}</source>
        <translation>无法重建的字段类型 {type}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="96"/>
        <source>The data of {name} is not an object.</source>
        <translation>{name} 的数据不是对象</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="106"/>
        <source>The photo of evidence {number} in the signed data (print image SHA-256 {digest}…) is not on the pages of the signed revision: the photo was replaced or removed.</source>
        <translation>签名数据中证据 {number} 的照片（打印图像 SHA-256 {digest}…）没有出现在签名版本的页面中：照片被替换或删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="130"/>
        <source>{file} cannot be parsed: {error}</source>
        <translation>{file} 无法解析：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="144"/>
        <source>{file} cannot be parsed.</source>
        <translation>{file} 无法解析</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="164"/>
        <source>{file} cannot be restored to the document&apos;s data: {error}</source>
        <translation>{file} 不能还原为文书数据：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/rerender.py" line="168"/>
        <source>{file} restored differs from the signed data.</source>
        <translation>{file} 还原后与签名数据不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/timestamps.py" line="113"/>
        <source>{field}: {error}</source>
        <translation>{field}：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/timestamps.py" line="118"/>
        <source>{field}: the timestamp does not match the content of the file.</source>
        <translation>{field}：时间戳与文件内容不符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/timestamps.py" line="123"/>
        <source>{field}: the certificate of the timestamp service does not lead to a trusted root certificate.</source>
        <translation>{field}：时间戳服务证书不能追溯到受信任的根证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="102"/>
        <source>The file has no embedded whole-process record.</source>
        <extracomment>(document kind, number) -&gt; the fields a database or case file says are signed, or None if it does not know it.</extracomment>
        <translation>文件中没有嵌入的全过程记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="110"/>
        <source>The embedded whole-process record cannot be parsed: {error}</source>
        <translation>嵌入的全过程记录无法解析：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="117"/>
        <source>The whole-process record was tampered with</source>
        <translation>全过程记录被篡改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="120"/>
        <source>The head does not match the record.</source>
        <translation>链头不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="155"/>
        <source>The pages cannot be rendered again from the signed data</source>
        <translation>无法按签名数据重新生成页面</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="171"/>
        <source>In the signed revision: {problems}</source>
        <translation>签名版本{problems}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="174"/>
        <source>In the file as it is now: {problems}</source>
        <translation>当前文件{problems}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="180"/>
        <source>{count} pages differ from the pages rendered from the signed data, among them: {problems}</source>
        <translation>页面与按签名数据重新生成的页面不一致：{problems} 等 {count} 页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="184"/>
        <source>The pages differ from the pages rendered from the signed data</source>
        <translation>页面与按签名数据重新生成的页面不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="190"/>
        <source>The page content cannot be read ({error}).</source>
        <translation>页面内容无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/verify.py" line="309"/>
        <source>The document timestamp is not valid</source>
        <translation>文档时间戳无效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="24"/>
        <source>The case file has no journal.json.</source>
        <translation>案卷中没有 journal.json</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="30"/>
        <source>journal.json cannot be parsed: {error}</source>
        <translation>journal.json 无法解析：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="37"/>
        <source>The head journal.json states differs from the computed head {head}….</source>
        <translation>journal.json 所载链头与计算出的链头 {head}… 不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="43"/>
        <source>The manifest does not state how many events the journal had at export.</source>
        <translation>清单没有记载导出时全过程记录的条数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="47"/>
        <source>The journal has only {length} events; it had {sealed} when sealed (head {head}…): it was cut back.</source>
        <translation>全过程记录只有 {length} 条，封卷时为 {sealed} 条（链头 {head}…）：记录被截短</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="53"/>
        <source>{extra} events follow the head sealed at event {length}: they were appended after sealing.</source>
        <translation>封卷时的链头（第 {length} 条）之后多出 {extra} 条事件：封卷后被追加</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="57"/>
        <source>The journal does not contain the head {head}… it had when sealed.</source>
        <translation>全过程记录不含封卷时的链头 {head}…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="61"/>
        <source>The head {sealed}… in the sealed manifest differs from the head {head}… computed from journal.json.</source>
        <translation>封卷清单所载链头 {sealed}… 与 journal.json 计算出的链头 {head}… 不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="65"/>
        <source>journal.json has events of another inspection.</source>
        <translation>journal.json 中有不属于本检查的事件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="75"/>
        <source>The journal head {head}… ({length} events) the signed document carries is not in the chain of journal.json.</source>
        <translation>签名文书所载全过程记录链头 {head}…（{length} 条）不在 journal.json 的链中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="247"/>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="93"/>
        <source>signed document</source>
        <translation>签名文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/journal_check.py" line="94"/>
        <source>Event {seq} of the journal records the {document} ({number}), but the sealed manifest does not list it.</source>
        <translation>全过程记录第 {seq} 条载有{document}（{number}），但封卷清单中没有这份文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="81"/>
        <source>signed by two officers and approved by the team lead</source>
        <extracomment>code -&gt; what it means. Grouped by the check that reports it (CHECKS); the order is the report&apos;s order. A document&apos;s stage as the problems name it (zh: common.STAGE_LABELS, the words the catalogue prints).</extracomment>
        <translation>两名执法人员签名并经组长批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="82"/>
        <source>signed by every officer (not approved)</source>
        <translation>执法人员均已签名（未批准）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="83"/>
        <source>signed in full</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="84"/>
        <source>partly signed</source>
        <translation>部分签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="91"/>
        <source>The sealed manifest says it is “{claimed}”, but its valid signatures reach only “{reached}”.</source>
        <translation>封卷清单称其为“{claimed}”，但有效签名只达到“{reached}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="94"/>
        <source>The sealed manifest says it is “{claimed}”, but its valid signatures reach only “{reached}” ({fields} missing).</source>
        <translation>封卷清单称其为“{claimed}”，但有效签名只达到“{reached}”（缺少 {fields}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="103"/>
        <source>officer {n}</source>
        <translation>执法人员{n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="105"/>
        <source>the team lead</source>
        <translation>检查组组长</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="106"/>
        <source>the responsible officer</source>
        <translation>承办执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/report.py" line="107"/>
        <source>the seal</source>
        <translation>封卷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="49"/>
        <source>The file is not a valid case-file ZIP: {error}</source>
        <translation>文件不是有效的 ZIP 案卷：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="86"/>
        <source>{name} ({time})</source>
        <translation>{name}（{time}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="90"/>
        <source>The seal of the catalogue (SHA-256 {digest}…) is not in the server&apos;s seal ledger: the case file may have been changed and sealed again after export; the seals of this case the server registered: {seals}</source>
        <translation>卷内目录（SHA-256 {digest}…）的封卷不在服务器的封卷登记中：案卷可能在导出后被改动并重新封卷；本案在服务器登记的封卷：{seals}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="94"/>
        <source>The seal of the catalogue (SHA-256 {digest}…) is not in the server&apos;s seal ledger: the case file may have been changed and sealed again after export; the server has no other seal of this case.</source>
        <translation>卷内目录（SHA-256 {digest}…）的封卷不在服务器的封卷登记中：案卷可能在导出后被改动并重新封卷；服务器上没有本案的其他封卷登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="100"/>
        <source>The seal is registered on this computer only, not yet confirmed by the server: sync first, then verify.</source>
        <translation>封卷只在本机登记，尚未经服务器确认：请先同步后再核验</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="113"/>
        <source>{file} cannot be read, is too large or has a duplicate entry: the seal was not verified.</source>
        <translation>{file} 无法读取、过大或有重名条目：未能核验封卷签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="117"/>
        <source>The case file has no {file} (the file that carries the seal).</source>
        <translation>案卷中没有{file}（封卷签名所在文件）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="134"/>
        <source>The case file has no manifest.json.</source>
        <translation>案卷中没有 manifest.json</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="139"/>
        <source>manifest.json cannot be parsed: {error}</source>
        <translation>manifest.json 无法解析：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="142"/>
        <source>manifest.json is not a case-file manifest of this application (format or files is missing).</source>
        <translation>manifest.json 不是本应用的案卷清单（缺少 format 或 files）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="148"/>
        <source>A file entry of manifest.json is malformed: {entry}</source>
        <translation>manifest.json 的文件条目格式错误：{entry}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="151"/>
        <source>manifest.json lists {path} twice.</source>
        <translation>manifest.json 重复列出 {path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="155"/>
        <source>The list of signed documents in manifest.json is malformed.</source>
        <translation>manifest.json 的签名文书列表格式错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="165"/>
        <source>The manifest the seal carries is not valid</source>
        <translation>封卷签名所载清单无效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="168"/>
        <source>The case file has no manifest.json (verified against the sealed manifest).</source>
        <translation>案卷中没有 manifest.json（已按封卷清单核验）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="171"/>
        <source>manifest.json differs from the manifest the seal carries (verified against the sealed manifest).</source>
        <translation>manifest.json 与封卷签名所载清单不一致（已按封卷清单核验）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="188"/>
        <source>The holder of the seal&apos;s certificate, {signer} ({number}), is not the sealer the manifest names, {named} ({named_number}).</source>
        <translation>封卷证书持有人 {signer}（{number}）与清单所载封卷人 {named}（{named_number}）不符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="199"/>
        <source>The sealer {signer} is not an officer or the team lead the record names.</source>
        <translation>封卷人 {signer} 不是笔录所载的执法人员或检查组组长</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="217"/>
        <source>A file the sealed manifest lists is missing: {file}</source>
        <translation>封卷清单所列文件缺失：{file}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="221"/>
        <source>SHA-256 {sha}… ({size} bytes) differs from the manifest&apos;s {listed}… ({listed_size} bytes).</source>
        <translation>SHA-256 {sha}…（{size} 字节）与清单所载 {listed}…（{listed_size} 字节）不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="226"/>
        <source>The sealed manifest does not list this file.</source>
        <translation>封卷清单未列出此文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="245"/>
        <source>The {document} ({number}) the case file was sealed with is missing.</source>
        <translation>封卷时的{document}（{number}）在案卷中缺失</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="250"/>
        <source>SHA-256 {sha}… differs from the sealed manifest&apos;s {listed}…: the document was replaced.</source>
        <translation>SHA-256 {sha}… 与封卷清单所载 {listed}… 不一致：文书被替换</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="260"/>
        <source>The document is larger than {limit} MB; its signatures were not verified.</source>
        <translation>文书大于 {limit} MB，未能核验签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="265"/>
        <source>The document changed while it was verified.</source>
        <translation>文书在核验过程中被改动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="276"/>
        <source>The signed document does not verify</source>
        <translation>签名文书核验不通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="312"/>
        <source>The case file has no signed on-site inspection record.</source>
        <translation>案卷中没有签名的现场检查笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="318"/>
        <source>The content hash in the manifest differs from the signed record&apos;s {hash}….</source>
        <translation>清单所载内容哈希与签名笔录所载 {hash}… 不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="322"/>
        <source>The record number in the manifest differs from the signed record&apos;s, {number}.</source>
        <translation>清单所载笔录编号与签名笔录 {number} 不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="329"/>
        <source>record.json is missing.</source>
        <translation>缺少 record.json</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="333"/>
        <source>The SHA-256 of record.json differs from the content hash {hash}… the signed record ({path}) carries.</source>
        <translation>record.json 的 SHA-256 与签名笔录（{path}）所载内容哈希 {hash}… 不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="338"/>
        <source>the evidence list of the signed record</source>
        <translation>签名笔录证据清单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="350"/>
        <source>{number}, listed in {source}, is missing from the case file.</source>
        <translation>{source}所列 {number} 在案卷中缺失</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="354"/>
        <source>The SHA-256 of {number} differs from {sha}… in {source} (the original was changed or replaced).</source>
        <translation>{number} 的 SHA-256 与{source}所载 {sha}… 不一致（原件被改动或替换）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="368"/>
        <source>The content embedded in the signed document differs from the content hash it carries.</source>
        <translation>签名文书中嵌入的内容与其所载内容哈希不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="374"/>
        <source>the item photos of {number}</source>
        <translation>{number} 物品照片清单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/verify.py" line="378"/>
        <source>re-inspection record {number}</source>
        <translation>整改复查记录 {number} </translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="60"/>
        <source>The entry name contains a backslash (a path separator on Windows, which can lead outside the folder).</source>
        <extracomment>all entries together, uncompressed (a case file with long videos may be large; a bomb is larger) uncompressed / compressed size of one entry; JSON and text deflate 5–20x, media are stored (1x) entries at most this large are exempt from the ratio rule (a few KB of repetitive JSON is harmless) largest JSON or catalogue held in memory for checking (manifest, record.json, journal.json, 卷内目录.pdf) largest signed PDF read for verification (one at a time; pyHanko needs about twice its size) most entries in one ZIP path -&gt; (sha256, size) of every entry read, or None when it could not be read</extracomment>
        <translation>条目名含反斜杠（在 Windows 上是路径分隔符，可借此越出目录）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="64"/>
        <source>The entry name is an absolute path.</source>
        <translation>条目名是绝对路径</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="68"/>
        <source>The entry name contains “..”: expanded, it would lead outside the case-file folder.</source>
        <translation>条目名含“..”，解压时会越出案卷目录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="71"/>
        <source>The entry name contains an empty path segment, “.” or control characters.</source>
        <translation>条目名含空路径段、“.”或控制字符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="91"/>
        <source>The case file has {count} entries, more than the limit of {limit}.</source>
        <translation>案卷有 {count} 个条目，超过上限 {limit}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="96"/>
        <source>Expanded it is {size} bytes, more than the limit of {limit} bytes: not expanded.</source>
        <translation>解压后共 {size} 字节，超过上限 {limit} 字节：未解压</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="103"/>
        <source>The compression ratio {ratio}:1 ({packed} bytes expand to {size} bytes) is above the limit of {limit}:1: a suspected compression bomb, not expanded.</source>
        <translation>压缩比 {ratio}:1（{packed} 字节解压为 {size} 字节）超过上限 {limit}:1：疑似压缩炸弹，未解压</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="114"/>
        <source>The entry is a symbolic link (expanded, it can point to a file outside the case file).</source>
        <translation>条目是符号链接（解压后可指向案卷之外的文件）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="123"/>
        <source>The case file has entries of the same name (or differing only in case or Unicode form): which one was sealed cannot be told.</source>
        <translation>案卷中有同名条目（或仅大小写、Unicode 形式不同）：无法确定哪一个是封卷时的文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="136"/>
        <source>The file cannot be read (the ZIP check failed: {error}).</source>
        <translation>文件无法读取（ZIP 校验失败：{error}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/case_file/zipscan.py" line="143"/>
        <source>The file is larger than {limit} MB and was not read for verification.</source>
        <translation>文件大于 {limit} MB，未读入核验</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="24"/>
        <source>The template</source>
        <extracomment>What a template-level problem is about (`where` of the readers below; items and sections are coded phrases).</extracomment>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="93"/>
        <source>{where} lacks the required field {key}.</source>
        <translation>{where} 缺少必填字段 {key}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="97"/>
        <source>{where}: {key} must be a string.</source>
        <translation>{where} 的 {key} 应为字符串</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="101"/>
        <source>{where}: {key} must not be empty.</source>
        <translation>{where} 的 {key} 不能为空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="110"/>
        <source>{where}: {key} must be a list of strings.</source>
        <translation>{where} 的 {key} 应为字符串列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="121"/>
        <source>A threshold applies only to numeric answers (count, pct, money); this item&apos;s answer type is {answer}.</source>
        <translation>阈值只能用于数值类答案（count、pct、money），本项答案类型为 {answer}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="126"/>
        <source>threshold must be a table, for example {example}</source>
        <translation>threshold 应为表，例如 {example}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="132"/>
        <source>threshold has unknown fields {fields}</source>
        <translation>threshold 含未知字段 {fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="136"/>
        <source>The op of threshold must be one of {ops}, not {op}.</source>
        <translation>threshold 的 op 应为 {ops} 之一，实际为 {op}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="145"/>
        <source>The value of threshold must be a number, not {value}.</source>
        <translation>threshold 的 value 应为数字，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="150"/>
        <source>A percentage threshold must be between 0 and 100.</source>
        <translation>百分比阈值应在 0 到 100 之间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="157"/>
        <source>A sample table (sample) must declare at least one column in columns.</source>
        <translation>抽样表（sample）须声明至少一列 columns</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="164"/>
        <source>Column {n} must be a table {example}</source>
        <translation>第 {n} 列应为表 {example}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="169"/>
        <source>Column {n} has unknown fields {fields}</source>
        <translation>第 {n} 列含未知字段 {fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="173"/>
        <source>The id of column {n} must be a lowercase English identifier, not {id}.</source>
        <translation>第 {n} 列的 id 应为小写英文标识，实际为 {id}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="178"/>
        <source>The column id &apos;violation&apos; is reserved (it marks the rows in violation).</source>
        <translation>列 id &apos;violation&apos; 为保留字（用于标记违规行）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="181"/>
        <source>The column id {id} appears twice.</source>
        <translation>列 id {id} 重复</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="185"/>
        <source>Column {id} has no label.</source>
        <translation>列 {id} 缺少 label</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/form_fields.py" line="188"/>
        <source>The type {type} of column {id} is unknown (known: {known}).</source>
        <translation>列 {id} 的类型 {type} 未知（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="65"/>
        <source>Check item {n} of section {section} is malformed.</source>
        <translation>分节 {section} 的第 {n} 个检查项格式不正确</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="71"/>
        <source>Check item {n} of section {section} has no id.</source>
        <translation>分节 {section} 的第 {n} 个检查项缺少 id</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="75"/>
        <source>The check item id {id} is malformed (examples: H-01, V-C2, H-04.1).</source>
        <translation>检查项 id {id} 格式不正确（示例：H-01、V-C2、H-04.1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="81"/>
        <source>The check item id appears twice (first at line {first}).</source>
        <translation>检查项 id 重复（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="86"/>
        <source>Unknown fields {fields}</source>
        <translation>未知字段 {fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="88"/>
        <source>Check item {item}</source>
        <translation>检查项 {item}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="96"/>
        <source>Unknown answer type {answer} (known: {known})</source>
        <translation>未知的答案类型 {answer}（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="103"/>
        <source>compliant must be &quot;yes&quot; or &quot;no&quot;.</source>
        <translation>compliant 只能是 &quot;yes&quot; 或 &quot;no&quot;</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="106"/>
        <source>compliant applies only to bool and bool_na answers.</source>
        <translation>compliant 只适用于 bool 和 bool_na 类答案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="111"/>
        <source>A choice or multi item must list at least two choices.</source>
        <translation>单选/多选项须至少列出两个 choices</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="114"/>
        <source>choices lists an entry twice.</source>
        <translation>choices 中有重复项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="117"/>
        <source>choices applies only to choice and multi answers.</source>
        <translation>choices 只适用于 choice 和 multi 类答案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="123"/>
        <source>columns applies only to sample answers.</source>
        <translation>columns 只适用于 sample 类答案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="127"/>
        <source>required must be true or false.</source>
        <translation>required 应为 true 或 false</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="148"/>
        <source>The template has unknown fields {fields}</source>
        <translation>模板含未知字段 {fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="153"/>
        <source>schema must be {expected}, not {schema} (this version of the program cannot read it).</source>
        <translation>schema 应为 {expected}，实际为 {schema}（此版本程序无法读取）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="158"/>
        <source>The template id {id} must be lowercase English letters, digits and hyphens.</source>
        <translation>模板 id {id} 应为小写英文、数字和连字符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="163"/>
        <source>The template has no version (a string or an integer).</source>
        <translation>模板缺少 version（字符串或整数）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="170"/>
        <source>applies_to has an unknown institution category {category} (known: {known})</source>
        <translation>applies_to 含未知机构类别 {category}（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="176"/>
        <source>{category} in primary_for is not in applies_to.</source>
        <translation>primary_for 中的 {category} 不在 applies_to 中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="181"/>
        <source>The template must have at least one [[sections]] section.</source>
        <translation>模板须至少有一个 [[sections]] 分节</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="189"/>
        <source>Section {n} is malformed.</source>
        <translation>第 {n} 个分节格式不正确</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="195"/>
        <source>Section {section} has unknown fields {fields}</source>
        <translation>分节 {section} 含未知字段 {fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="199"/>
        <source>The section id {id} appears twice.</source>
        <translation>分节 id {id} 重复</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="202"/>
        <source>Section {section}</source>
        <translation>分节 {section}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="206"/>
        <source>Section {section} has no check items.</source>
        <translation>分节 {section} 没有检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="229"/>
        <source>TOML syntax error: {error}</source>
        <translation>TOML 语法错误：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="251"/>
        <source>The file cannot be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="256"/>
        <source>The file is not UTF-8 encoded (byte {position}).</source>
        <translation>文件不是 UTF-8 编码（字节位置 {position}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="295"/>
        <source>The template id {id} is also the id of {other}.</source>
        <translation>模板 id {id} 与 {other} 重复</translation>
    </message>
    <message>
        <location filename="../../inspector_app/catalog/loader.py" line="310"/>
        <source>No .toml template files were found.</source>
        <translation>没有找到 .toml 模板文件</translation>
    </message>
</context>
<context>
    <name>EvidenceDetailsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="42"/>
        <source>Evidence list entry</source>
        <translation>证据清单登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="57"/>
        <source>Who handed it over, e.g. name and position</source>
        <translation>提供证据的人，如姓名及职务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="61"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="65"/>
        <source>Linked to %1 finding(s) and %2 checklist item(s); link it from the checklist or the findings.</source>
        <translation>已关联 %1 个发现的问题、%2 个检查项；请在检查表或发现的问题中关联。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="69"/>
        <source>Item:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="70"/>
        <source>Statutory &amp;type:</source>
        <translation>证据种类(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="71"/>
        <source>&amp;How obtained:</source>
        <translation>取证方式(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="72"/>
        <source>&amp;Provider:</source>
        <translation>提供人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="73"/>
        <source>P&amp;ages (copies):</source>
        <translation>页数（复印件）(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="74"/>
        <source>What it proves:</source>
        <translation>证明对象：</translation>
    </message>
</context>
<context>
    <name>EvidenceListModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="66"/>
        <source>Captured %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="69"/>
        <source>GPS %1, %2</source>
        <translation>GPS %1, %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="80"/>
        <source>Audio/video</source>
        <translation>录音录像</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="62"/>
        <source>Provided by %1</source>
        <translation>提供人：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/models/evidence_list_model.py" line="64"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="55"/>
        <source>&amp;Add files… (Ctrl+O)</source>
        <translation>添加文件(&amp;A)… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="57"/>
        <source>&amp;Paste image (Ctrl+V)</source>
        <translation>粘贴图片(&amp;P) (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="64"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="87"/>
        <source>Drop photos, scans or recordings here. Originals are kept byte-identical under their SHA-256.</source>
        <translation>可将照片、扫描件或录音录像拖放到此处。原始文件按 SHA-256 原样保存，不作任何改动。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="116"/>
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="132"/>
        <source>Already recorded (not stored twice): %1</source>
        <translation>已登记过（不重复保存）：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="135"/>
        <source>Refused:</source>
        <translation>未导入：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="138"/>
        <source>Import cancelled; the files already imported are kept.</source>
        <translation>导入已取消；已导入的文件予以保留。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="141"/>
        <source>Evidence import</source>
        <translation>导入证据</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="142"/>
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="207"/>
        <source>Caption</source>
        <translation>证据说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="207"/>
        <source>What does this evidence show?</source>
        <translation>该证据反映了什么内容？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="271"/>
        <source>Remove evidence</source>
        <translation>移除证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="272"/>
        <source>Why is this evidence removed? (kept in the whole-process record)</source>
        <translation>移除该证据的原因？（将记入全过程记录）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="58"/>
        <source>Ca&amp;mera…</source>
        <translation>拍照(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="59"/>
        <source>Capt&amp;ion…</source>
        <translation>说明(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="65"/>
        <source>Au&amp;dio and video…</source>
        <translation>音像记录(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="60"/>
        <source>List &amp;entry… (Ctrl+E)</source>
        <translation>清单登记(&amp;E)…（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="62"/>
        <source>Party &amp;confirms list… (Ctrl+K)</source>
        <translation>当事人核对清单(&amp;C)…（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="258"/>
        <source>The party has not confirmed the evidence list yet (Ctrl+K).</source>
        <translation>当事人尚未核对确认证据清单（Ctrl+K）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="260"/>
        <source>The list changed after the party&apos;s confirmation: let the party check it again (Ctrl+K).</source>
        <translation>证据清单在当事人确认后有变动，请当事人重新核对（Ctrl+K）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="262"/>
        <source>The party refused to confirm the evidence list: %1</source>
        <translation>当事人拒绝核对确认证据清单：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/evidence_page.py" line="264"/>
        <source>%1 confirmed: the evidence matches the originals.</source>
        <translation>%1 已确认：以上证据与原件核对一致。</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="56"/>
        <source>Size: %1 bytes</source>
        <translation>大小：%1 字节</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="58"/>
        <source>Captured: %1</source>
        <translation>拍摄时间：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="61"/>
        <source>GPS: %1, %2</source>
        <translation>GPS：%1, %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="64"/>
        <source>Camera: %1</source>
        <translation>拍摄设备：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="66"/>
        <source>Imported file (not taken with this app&apos;s camera)</source>
        <translation>导入的文件（非本应用拍摄）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/image_viewer.py" line="72"/>
        <source>Wheel or +/− to zoom, drag to pan, 0 to fit</source>
        <translation>滚轮或 +/− 缩放，拖动平移，按 0 适应窗口</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="68"/>
        <source>Edit finding</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/finding_dialog.py" line="68"/>
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
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="54"/>
        <source>&amp;New finding…</source>
        <translation>新增问题(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="56"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="76"/>
        <source>%n finding(s) · involved %1 yuan · to recover %2 yuan</source>
        <translation>
            <numerusform>问题 %n 个 · 涉及金额 %1 元 · 应追回金额 %2 元</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="124"/>
        <source>Remove finding</source>
        <translation>移除问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="125"/>
        <source>Remove this finding? It stays in the whole-process record.</source>
        <translation>确定移除该问题？该问题仍保留在全过程记录中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/findings_page.py" line="55"/>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="33"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="33"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="33"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="33"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="34"/>
        <source>Amount involved (yuan)</source>
        <translation>涉及金额（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="34"/>
        <source>To recover (yuan)</source>
        <translation>应追回金额（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="34"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/findings_table_model.py" line="41"/>
        <source>(free-standing)</source>
        <translation>（未关联检查项）</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <location filename="../../inspector_app/ui/import_job.py" line="41"/>
        <source>Importing evidence…</source>
        <translation>正在导入证据…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/import_job.py" line="41"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>InquiryDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="71"/>
        <source>Inquiry record</source>
        <translation>询问笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="75"/>
        <source>&amp;Person and setting</source>
        <translation>被询问人与询问情况(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="76"/>
        <source>&amp;Questions and answers</source>
        <translation>问答(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="77"/>
        <source>&amp;Closing and signatures</source>
        <translation>确认与签名(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="91"/>
        <source>Second questioner:</source>
        <translation>第二询问人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="92"/>
        <source>Their password:</source>
        <translation>其证书密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="93"/>
        <source>Recorder:</source>
        <translation>记录人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="94"/>
        <source>Both questioners sign</source>
        <translation>两名询问人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="106"/>
        <source>Party (statement of the party)</source>
        <translation>当事人（当事人的陈述）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="107"/>
        <source>Witness (witness testimony)</source>
        <translation>证人（证人证言）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="111"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="112"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="123"/>
        <source>The person is:</source>
        <translation>被询问人身份：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="124"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="125"/>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="126"/>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="127"/>
        <source>Employer:</source>
        <translation>工作单位：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="128"/>
        <source>Position:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="129"/>
        <source>Relation to the matter:</source>
        <translation>与本案关系：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="130"/>
        <source>Phone or address:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="131"/>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="132"/>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="133"/>
        <source>Ended:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="134"/>
        <source>Answer to “Do you request a recusal?”:</source>
        <translation>对“是否申请回避”的回答：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="135"/>
        <source>The rights notice and the recusal question are printed before the questions.</source>
        <translation>权利告知和回避询问印在问答之前。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="142"/>
        <source>Question</source>
        <translation>问</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="142"/>
        <source>Answer</source>
        <translation>答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="143"/>
        <source>Concerns (items, findings)</source>
        <translation>涉及（检查项、问题）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="146"/>
        <source>(type a question)</source>
        <translation>（自行输入问题）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="151"/>
        <source>&amp;Add question</source>
        <translation>添加问题(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="153"/>
        <source>Remove question</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="156"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="156"/>
        <source>Recorded as</source>
        <translation>原记载</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="156"/>
        <source>Corrected to</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="156"/>
        <source>Person&apos;s initials</source>
        <translation>被询问人确认（签名或捺印）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="158"/>
        <source>Add co&amp;rrection</source>
        <translation>添加更正(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="167"/>
        <source>Corrections made when the record was read (each initialled by the person):</source>
        <translation>阅读笔录时所作更正（每处由被询问人签名或捺印确认）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="176"/>
        <source>The person refuses to sign</source>
        <translation>被询问人拒绝签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="183"/>
        <source>Confirmation written by the person:</source>
        <translation>被询问人书写的确认语：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="185"/>
        <source>Reason for refusing:</source>
        <translation>拒签理由：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="186"/>
        <source>Witness name:</source>
        <translation>见证人姓名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="187"/>
        <source>Witness ID number:</source>
        <translation>见证人身份证号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="188"/>
        <source>Witness relation to the person:</source>
        <translation>见证人与被询问人关系：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="189"/>
        <source>Officers&apos; note:</source>
        <translation>执法人员说明：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="200"/>
        <source>Signature of the witness</source>
        <translation>见证人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="201"/>
        <source>Signature of the person questioned</source>
        <translation>被询问人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="228"/>
        <source>The inquiry needs two different questioners.</source>
        <translation>询问须由两名不同的执法人员进行。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="231"/>
        <source>The witness signs on the pad.</source>
        <translation>请见证人在签名板上签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="232"/>
        <source>The person questioned signs on the pad.</source>
        <translation>请被询问人在签名板上签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inquiry_dialog.py" line="264"/>
        <source>Enter the second questioner&apos;s password.</source>
        <translation>请输入第二询问人的证书密码。</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="75"/>
        <source>Team &amp;&amp; procedure</source>
        <translation>检查组与程序</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="76"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="77"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="78"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="80"/>
        <source>Signatures &amp;&amp; record</source>
        <translation>签名与笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="174"/>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="186"/>
        <source>Finish on-site work</source>
        <translation>结束现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="187"/>
        <source>Finish the on-site work? The record then waits for signatures; answers can still be corrected until it is signed.</source>
        <translation>确定结束现场检查？记录将转为待签字；签字前仍可更正作答。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="57"/>
        <source>Finish on-site work (%1)</source>
        <translation>结束现场检查 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="62"/>
        <source>← Inspections (%1)</source>
        <translation>← 检查列表 (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="173"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="175"/>
        <source>%n required item(s) are not answered yet:</source>
        <translation>
            <numerusform>还有 %n 个必答检查项未作答：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="178"/>
        <source>Go to the first</source>
        <translation>转到第一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_page.py" line="79"/>
        <source>Leads</source>
        <translation>线索核查</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="148"/>
        <source>Institution</source>
        <translation>被检查机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="148"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="148"/>
        <source>Mode</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="148"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="148"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="149"/>
        <source>Team</source>
        <translation>检查组</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="149"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="149"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="149"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="160"/>
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n 项更改未同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspection_table_model.py" line="160"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="40"/>
        <source>Search institution, officer, type… (Ctrl+F)</source>
        <translation>搜索机构、执法人员、类型… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="44"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="48"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="51"/>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="83"/>
        <source>No inspections yet. Start one with “New inspection” (Ctrl+N).</source>
        <translation>暂无检查。请通过“新建检查”(Ctrl+N) 开始。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="64"/>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="137"/>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/window_pages.py" line="51"/>
        <location filename="../../inspector_app/ui/pages/inspections_page.py" line="177"/>
        <source>Opening the workspace…</source>
        <translation>正在打开工作区…</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="57"/>
        <source>Verdict:</source>
        <translation>判定：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="74"/>
        <source>Note for this item (optional)</source>
        <translation>本检查项备注（选填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="111"/>
        <source>Choose an item on the left</source>
        <translation>请在左侧选择检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="130"/>
        <source>What to check: %1</source>
        <translation>检查内容：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="133"/>
        <source>Legal basis: %1</source>
        <translation>法律依据：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="135"/>
        <source>If violated: %1</source>
        <translation>处罚条款：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="137"/>
        <source>Threshold: %1</source>
        <translation>限值：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="139"/>
        <source>Evidence to collect: %1</source>
        <translation>应收集证据：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="60"/>
        <source>Compliant (%1)</source>
        <translation>符合 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="61"/>
        <source>Violation (%1)</source>
        <translation>违规 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="62"/>
        <source>Not applicable (%1)</source>
        <translation>不适用 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="78"/>
        <source>Record a finding… (%1)</source>
        <translation>记录问题… (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="82"/>
        <source>Add evidence… (%1)</source>
        <translation>添加证据… (%1)</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="39"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="40"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="41"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="42"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="44"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="46"/>
        <source>Open the selected inspection</source>
        <translation>打开所选检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="48"/>
        <source>Find: inspections on the list; on the checklist an item by id or words (Enter: next match)</source>
        <translation>查找：在列表中查找检查；在检查表中按编号或文字查找检查项（回车：下一个匹配）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="50"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="51"/>
        <source>Undo the last answer</source>
        <translation>撤销上一次作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="52"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="53"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="54"/>
        <source>This list of keyboard shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="55"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="57"/>
        <source>Lock the app (the signed-in officer&apos;s password unlocks it)</source>
        <translation>锁定程序（需已登录执法人员的密码解锁）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="58"/>
        <source>Inspection list</source>
        <translation>检查列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="59"/>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="60"/>
        <source>Rectification and dashboard</source>
        <translation>整改跟踪与统计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="64"/>
        <source>Back from an inspection to the list</source>
        <translation>从检查返回列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="65"/>
        <source>Next tab of the inspection</source>
        <translation>检查的下一个标签页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="67"/>
        <source>Previous tab of the inspection</source>
        <translation>检查的上一个标签页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="68"/>
        <source>Next item</source>
        <translation>下一检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="69"/>
        <source>Previous item</source>
        <translation>上一检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="71"/>
        <source>Next unanswered item</source>
        <translation>下一未作答项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="73"/>
        <source>Yes / No / Not applicable for a yes-no item (also 1 / 2 / 3), then on to the next item; works in the item list and on the answer buttons</source>
        <translation>是／否／不适用（也可按 1／2／3）回答是否题并转到下一项；在检查项列表和作答按钮上有效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="78"/>
        <source>In the item list: into the answer field; in a number, date or choice field: save and go on to the next item</source>
        <translation>在检查项列表中：进入作答栏；在数字、日期或选项栏中：保存并转到下一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="82"/>
        <source>Verdict: compliant</source>
        <translation>判定：符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="83"/>
        <source>Verdict: violation</source>
        <translation>判定：违规</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="84"/>
        <source>Verdict: not applicable</source>
        <translation>判定：不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="86"/>
        <source>Mark the remaining items of this section compliant</source>
        <translation>将本节其余检查项标为符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="88"/>
        <source>Record a finding for the item</source>
        <translation>为本项记录问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="90"/>
        <source>Add evidence for the item</source>
        <translation>为本项添加证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="92"/>
        <source>Finish on-site work</source>
        <translation>结束现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="94"/>
        <source>Add a row to a sample table</source>
        <translation>在抽样表中添加一行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="95"/>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="98"/>
        <source>Paste an image or copied files as evidence</source>
        <translation>粘贴图片或已复制的文件作为证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="62"/>
        <source>Plans, coverage and random draws</source>
        <translation>检查计划、覆盖率与双随机抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="100"/>
        <source>Evidence list entry of the selected item: statutory type, how obtained, provider, pages</source>
        <translation>登记所选证据的证据种类、取证方式、提供人和页数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/keymap.py" line="103"/>
        <source>The party&apos;s confirmation of the evidence list</source>
        <translation>当事人核对确认证据清单</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="16"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="17"/>
        <source>On site</source>
        <translation>现场检查中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="18"/>
        <source>Awaiting signature</source>
        <translation>待签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="19"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="20"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="21"/>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="22"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="23"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="24"/>
        <source>Rectification</source>
        <translation>整改跟踪</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="25"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="26"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="32"/>
        <source>Routine audit</source>
        <translation>日常稽核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="33"/>
        <source>Special inspection</source>
        <translation>专项检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="34"/>
        <source>Unannounced inspection</source>
        <translation>飞行检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="35"/>
        <source>Random inspection</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="36"/>
        <source>Cross inspection</source>
        <translation>交叉检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="37"/>
        <source>Follow-up check</source>
        <translation>抽查复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="42"/>
        <source>Administrative inspection</source>
        <translation>行政检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="43"/>
        <source>Agency / agreement audit</source>
        <translation>经办稽核/协议检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="50"/>
        <source>Unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="51"/>
        <source>Compliant</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="52"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="53"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="58"/>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="59"/>
        <source>Serious</source>
        <translation>较重</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="60"/>
        <source>Grave</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="64"/>
        <source>Photograph</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="65"/>
        <source>Copy</source>
        <translation>复印</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="66"/>
        <source>Audio/video recording</source>
        <translation>录音录像</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="67"/>
        <source>Data extract</source>
        <translation>调取数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="68"/>
        <source>Sealing</source>
        <translation>封存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="85"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="86"/>
        <source>Township health centre</source>
        <translation>乡镇卫生院</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="87"/>
        <source>Community health centre</source>
        <translation>社区卫生服务中心</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="88"/>
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="89"/>
        <source>Village clinic</source>
        <translation>村卫生室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="90"/>
        <source>Retail pharmacy</source>
        <translation>零售药店</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="91"/>
        <source>Long-term care provider</source>
        <translation>长期护理机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="92"/>
        <source>Handling agency</source>
        <translation>经办机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="93"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="98"/>
        <source>open</source>
        <translation>未复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="101"/>
        <source>Rectified</source>
        <translation>整改到位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="102"/>
        <source>Partly rectified</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="103"/>
        <source>Not rectified by the deadline</source>
        <translation>逾期未改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="109"/>
        <source>Re-admission (split stay?)</source>
        <translation>短期再入院（分解住院嫌疑）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="110"/>
        <source>Stays overlapping at two institutions</source>
        <translation>两机构住院时间重叠</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="111"/>
        <source>Charged above the price list</source>
        <translation>超标准收费（高于价格目录）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="112"/>
        <source>Quantity beyond plausible per day</source>
        <translation>单日数量超出合理上限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="113"/>
        <source>Drug outside the insurance list</source>
        <translation>超医保目录药品</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="117"/>
        <source>Open</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="118"/>
        <source>Confirmed</source>
        <translation>属实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="119"/>
        <source>Not confirmed</source>
        <translation>不属实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="120"/>
        <source>Not checked</source>
        <translation>未核查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="73"/>
        <source>Documentary evidence</source>
        <translation>书证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="74"/>
        <source>Physical evidence</source>
        <translation>物证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="75"/>
        <source>Audio-visual material</source>
        <translation>视听资料</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="76"/>
        <source>Electronic data</source>
        <translation>电子数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="77"/>
        <source>Witness testimony</source>
        <translation>证人证言</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="78"/>
        <source>Party&apos;s statement</source>
        <translation>当事人的陈述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="79"/>
        <source>Expert opinion</source>
        <translation>鉴定意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="80"/>
        <source>Examination or on-site record</source>
        <translation>勘验笔录、现场笔录</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../inspector_app/ui/launch.py" line="213"/>
        <source>Creating the workspace key…</source>
        <translation>正在创建工作区密钥…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/launch.py" line="262"/>
        <source>Medical-insurance fund inspection</source>
        <translation>医保基金现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/launch.py" line="203"/>
        <source>Opening the workspace…</source>
        <translation>正在打开工作区…</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="67"/>
        <source>Rule</source>
        <translation>筛查规则</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="67"/>
        <source>Settlement no.</source>
        <translation>结算流水号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="67"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="67"/>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="106"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="68"/>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="68"/>
        <source>Check result</source>
        <translation>核查结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="68"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="77"/>
        <source>Note on the check (what the records showed)</source>
        <translation>核查说明（病历、票据等显示的情况）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="80"/>
        <source>The campaign item a confirmed lead falls under: the leniency advice compares it with what the institution self-reported</source>
        <translation>属实线索所属的专项治理项目：处罚裁量建议据此与机构自查报告的问题比对</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="83"/>
        <source>Confir&amp;med</source>
        <translation>属实(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="85"/>
        <source>No&amp;t confirmed</source>
        <translation>不属实(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="87"/>
        <source>Not chec&amp;ked</source>
        <translation>未核查(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="89"/>
        <source>Add ev&amp;idence…</source>
        <translation>添加证据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="91"/>
        <source>Evidence for the finding a confirmed lead became</source>
        <translation>为属实线索形成的问题添加证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="92"/>
        <source>Fill a sample ta&amp;ble…</source>
        <translation>填入抽样表(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="94"/>
        <source>Fill the rows of a checklist item&apos;s sample table from the chosen leads</source>
        <translation>用所选线索填写检查项目抽样表的行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="103"/>
        <source>Self-reported problems (self-inspection return)</source>
        <translation>自查报告的问题（自查情况统计表）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="106"/>
        <source>Campaign</source>
        <translation>专项治理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="106"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="106"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="107"/>
        <source>Refunded (yuan)</source>
        <translation>已退回（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="107"/>
        <source>Refunded on</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="107"/>
        <source>Receipt no.</source>
        <translation>票据号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="157"/>
        <source>(no campaign item)</source>
        <translation>（不属于专项治理项目）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="175"/>
        <source>%n lead(s) for this institution</source>
        <translation>
            <numerusform>本机构线索 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="176"/>
        <source>%1 checked, %2 confirmed (%3 yuan)</source>
        <translation>已核查 %1 条，属实 %2 条（%3 元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="187"/>
        <source>%1: return received on %2 (deadline %3)</source>
        <translation>%1：%2 收到自查报告（期限 %3）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="189"/>
        <source> — late</source>
        <translation> — 逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="191"/>
        <source>%1: no self-inspection return received</source>
        <translation>%1：未收到自查报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="193"/>
        <source>The institution is in no campaign with a self-inspection phase.</source>
        <translation>本机构不在任何设有自查自纠阶段的专项治理范围内。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="201"/>
        <source>stay %1 – %2</source>
        <translation>住院 %1 至 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="204"/>
        <source>previous stay %1, discharged %2</source>
        <translation>前次住院 %1，%2 出院</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="207"/>
        <source>also in %1 (%2 days overlap)</source>
        <translation>同时住院于 %1（重叠 %2 天）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="212"/>
        <source>price %1, list %2</source>
        <translation>单价 %1，目录价 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="215"/>
        <source>quantity %1, plausible %2</source>
        <translation>数量 %1，合理上限 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="280"/>
        <source>This inspection&apos;s checklist has no item with a sample table.</source>
        <translation>本次检查的检查表中没有带抽样表的项目。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="284"/>
        <source>Fill a sample table</source>
        <translation>填入抽样表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="285"/>
        <source>%n chosen lead(s) become rows of the sample table of:</source>
        <translation>
            <numerusform>所选 %n 条线索将填入以下项目的抽样表：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="286"/>
        <source>%1 %2 (%3 rows)</source>
        <translation>%1 %2（已有 %3 行）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="299"/>
        <source>%n row(s) added to the sample table of %1.</source>
        <translation>
            <numerusform>已向 %1 的抽样表添加 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads_page.py" line="302"/>
        <source>Already in the table: %1</source>
        <translation>已在表中：%1</translation>
    </message>
</context>
<context>
    <name>ListConfirmationDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="99"/>
        <source>Party&apos;s confirmation of the evidence list</source>
        <translation>当事人核对确认证据清单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="101"/>
        <source>&amp;Confirmed: %1</source>
        <translation>确认(&amp;C)：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="102"/>
        <source>&amp;Refused to confirm</source>
        <translation>拒绝核对确认(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="112"/>
        <source>The party checks the copies against the originals once for the whole list. The record&apos;s party signature signs it.</source>
        <translation>当事人对整份清单一次性核对复印件与原件，并以笔录上的当事人签名确认。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="115"/>
        <source>&amp;Name of the person confirming:</source>
        <translation>确认人姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/evidence_dialogs.py" line="117"/>
        <source>Reason for re&amp;fusing:</source>
        <translation>拒绝理由(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="114"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="117"/>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="121"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="134"/>
        <source>Idle lock</source>
        <translation>空闲锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="135"/>
        <source>Lock the app after this many minutes without input:</source>
        <translation>无操作多少分钟后锁定：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="191"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="194"/>
        <source>S&amp;witch officer…</source>
        <translation>切换执法人员(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="34"/>
        <source>Locked. Sign in to continue.</source>
        <translation>已锁定。请登录后继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="31"/>
        <source>Medical-insurance fund inspection</source>
        <translation>医保基金现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="41"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="110"/>
        <source>Officer: %1</source>
        <translation>执法人员：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/main_window.py" line="191"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="192"/>
        <source>All changes synced</source>
        <translation>所有更改已同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="214"/>
        <source>Preparing the Chinese fonts for PDF records (once, about a minute)…</source>
        <translation>正在准备 PDF 笔录所需的中文字体（仅此一次，约一分钟）……</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="217"/>
        <source>Fonts for PDF records ready</source>
        <translation>PDF 笔录字体已就绪</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="220"/>
        <source>The fonts for PDF records could not be built: %1</source>
        <translation>无法生成 PDF 笔录所需的字体：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="247"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="263"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="264"/>
        <source>The new language applies the next time the app starts.</source>
        <translation>新语言将在下次启动应用时生效。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="274"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="274"/>
        <source>Medical-insurance fund inspection %1
Workspace: %2</source>
        <translation>医保基金现场检查 %1
工作目录：%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="56"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="59"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="63"/>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="64"/>
        <source>&amp;Open selected inspection</source>
        <translation>打开所选检查(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="65"/>
        <source>Inspection &amp;list</source>
        <translation>检查列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="66"/>
        <source>&amp;Review queue</source>
        <translation>审核队列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="67"/>
        <source>Rectification &amp;&amp; &amp;dashboard</source>
        <translation>整改跟踪与统计(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="70"/>
        <source>&amp;Search inspections</source>
        <translation>搜索检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="71"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="74"/>
        <source>&amp;Next item</source>
        <translation>下一检查项(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="75"/>
        <source>&amp;Previous item</source>
        <translation>上一检查项(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="76"/>
        <source>Next &amp;unanswered item</source>
        <translation>下一未作答项(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="83"/>
        <source>Sign &amp;in to the sync server…</source>
        <translation>登录同步服务器(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="84"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="85"/>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="91"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="100"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="106"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="108"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="111"/>
        <source>&amp;Checklist</source>
        <translation>检查表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="115"/>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="119"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="79"/>
        <source>S&amp;witch officer…</source>
        <translation>切换执法人员(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="80"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="81"/>
        <source>Lock when &amp;idle after…</source>
        <translation>空闲锁定时间(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="82"/>
        <source>C&amp;hange password…</source>
        <translation>修改密码(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="208"/>
        <source>Could not be done</source>
        <translation>操作未完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="86"/>
        <source>&amp;Mark the rest of this section compliant</source>
        <translation>将本节其余项标为符合(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="88"/>
        <source>Next &amp;tab</source>
        <translation>下一个标签页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="89"/>
        <source>Previous t&amp;ab</source>
        <translation>上一个标签页(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="90"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="117"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/actions.py" line="69"/>
        <source>&amp;Plans and coverage</source>
        <translation>检查计划与覆盖率(&amp;P)</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/media_player.py" line="31"/>
        <location filename="../../inspector_app/ui/widgets/media_player.py" line="100"/>
        <source>Pla&amp;y</source>
        <translation>播放(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/media_player.py" line="48"/>
        <source>Playback needs Qt Multimedia, which is not available on this computer.</source>
        <translation>播放需要 Qt Multimedia，本机不可用。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/media_player.py" line="100"/>
        <source>Pa&amp;use</source>
        <translation>暂停(&amp;U)</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="44"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="52"/>
        <source>Search by name, credit code, designation code or region…</source>
        <translation>按名称、统一社会信用代码、定点编码或地区搜索…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="74"/>
        <source>Defaults to the institution&apos;s address</source>
        <translation>默认为机构地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="96"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="101"/>
        <source>&amp;Institution:</source>
        <translation>被检查机构(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="105"/>
        <source>&amp;Type:</source>
        <translation>检查类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="106"/>
        <source>&amp;Mode:</source>
        <translation>检查性质(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="107"/>
        <source>&amp;Date and time:</source>
        <translation>检查时间(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="108"/>
        <source>&amp;Place:</source>
        <translation>检查地点(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="113"/>
        <source>Period under inspection:</source>
        <translation>检查时间范围：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="114"/>
        <source>Team (at least two officers with valid certificates)</source>
        <translation>检查组（至少两名持有效执法证的执法人员）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="116"/>
        <source>Checklists (suggested from the institution&apos;s category)</source>
        <translation>检查表（按机构类别推荐）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection_dialog.py" line="148"/>
        <source>Choose the institution to inspect.</source>
        <translation>请选择被检查机构。</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="135"/>
        <source>Rectification notice</source>
        <translation>责令整改通知书</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="138"/>
        <source>The %n finding(s) of the signed record become the items to correct. The notice is numbered, signed and added to the record&apos;s documents; its deadline starts the rectification tracking.</source>
        <translation>
            <numerusform>签名笔录中的 %n 个问题将列为整改事项。通知书编号、签名后列入本检查的文书；整改期限即开始跟踪。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="156"/>
        <source>Correct by:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="157"/>
        <source>How to report:</source>
        <translation>整改报告方式：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="158"/>
        <source>If not corrected:</source>
        <translation>逾期未改的后果：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="159"/>
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="160"/>
        <source>Contact phone:</source>
        <translation>联系电话：</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="93"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="106"/>
        <source>Threshold: %1</source>
        <translation>限值：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="147"/>
        <source>Not a number</source>
        <translation>不是有效数字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="155"/>
        <source>Within the threshold (%1)</source>
        <translation>未超过限值（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/answer_editors.py" line="158"/>
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
    <name>OfficerSignInDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="53"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="62"/>
        <source>Choose your name and enter your password. Everything you do is recorded under your name in the whole-process record.</source>
        <translation>请选择您的姓名并输入密码。您的每项操作都以您的名义记入全过程记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="68"/>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="112"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="68"/>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="113"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="69"/>
        <source>Certificate %1</source>
        <translation>执法证号 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="72"/>
        <source>no password yet</source>
        <translation>尚未设置密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="82"/>
        <source>&amp;Repeat the new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="89"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="92"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="95"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="111"/>
        <source>Locked. %1 (%2, certificate %3): enter your password to unlock.</source>
        <translation>已锁定。%1（%2，执法证号 %3）：请输入密码解锁。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="115"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="122"/>
        <source>Nobody can sign in on this laptop yet: ask IT to set up your password (inspector keys).</source>
        <translation>本机还没有可以登录的执法人员：请信息中心为您设置密码（inspector keys）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="137"/>
        <source>First sign-in: choose a password (at least 8 characters).</source>
        <translation>首次登录：请设置密码（至少 8 个字符）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="146"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="151"/>
        <source>This officer has no password on this laptop yet.</source>
        <translation>该执法人员在本机尚未设置密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="154"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="159"/>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/officer_dialog.py" line="168"/>
        <source>Wrong password. Try again, or ask IT to reset it with the recovery key.</source>
        <translation>密码不正确。请重试，或请信息中心用恢复密钥重设密码。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="35"/>
        <source>Outcome of the inspection</source>
        <translation>检查处理结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="49"/>
        <source>%1: amount involved %2 yuan; suggested fine %3 – %4 yuan (%5)</source>
        <translation>%1：涉及金额 %2 元；建议罚款 %3 – %4 元（%5）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="53"/>
        <source>No penalty article in the findings: no suggestion.</source>
        <translation>问题中未注明处罚条款，无建议幅度。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="70"/>
        <source>Refunds go back to the fund&apos;s special account; fines go to the treasury (Regulation art. 45). Record them separately.</source>
        <translation>退回金额缴回基金财政专户，罚款缴入国库（《医疗保障基金使用监督管理条例》第四十五条），须分别记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="76"/>
        <source>&amp;Outcome:</source>
        <translation>处理结果(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="77"/>
        <source>Amount to &amp;refund to the fund (yuan):</source>
        <translation>责令退回基金金额（元）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="78"/>
        <source>&amp;Fine (yuan):</source>
        <translation>罚款金额（元）(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="79"/>
        <source>&amp;Articles applied:</source>
        <translation>适用条款(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="80"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="99"/>
        <source>“No problem found” cannot carry a refund or a fine.</source>
        <translation>“未发现问题”不应有退回或罚款金额。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="64"/>
        <source>Self-inspection in %1 — suggested: %2</source>
        <translation>%1 自查自纠情节 — 建议：%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/outcome_dialog.py" line="68"/>
        <source>The institution is in no campaign with a self-inspection phase: no leniency factor from self-inspection.</source>
        <translation>本机构不在设有自查自纠阶段的专项治理范围内：无自查自纠裁量情节。</translation>
    </message>
</context>
<context>
    <name>PartySignoffDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="38"/>
        <source>Inspected party: signature or refusal</source>
        <translation>被检查单位：签字或拒签</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="40"/>
        <source>Read the record to the representative of %1, then record whether they sign it. If they refuse, a witness must confirm the refusal.</source>
        <translation>向%1的代表宣读笔录后，记录其是否签字确认。拒绝签字的，须由见证人在场见证。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="44"/>
        <source>The party si&amp;gns the record</source>
        <translation>当事人签字确认(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="46"/>
        <source>The party re&amp;fuses to sign</source>
        <translation>当事人拒绝签字(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="63"/>
        <source>&amp;Opinion on the record:</source>
        <translation>对笔录的意见(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="64"/>
        <source>Applies for re&amp;cusal?</source>
        <translation>是否申请回避(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="76"/>
        <source>e.g. The record was read out; the party refused to sign; a witness was invited.</source>
        <translation>例如：已向当事人宣读笔录，当事人拒绝签字，已邀请见证人在场见证。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="82"/>
        <source>Refusal rea&amp;son:</source>
        <translation>拒签理由(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/party_signoff_dialog.py" line="83"/>
        <source>Officers&apos; no&amp;te:</source>
        <translation>执法人员备注(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="27"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一页(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="28"/>
        <source>&amp;Next ▶</source>
        <translation>下一页(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="32"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="34"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="35"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="36"/>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="37"/>
        <source>Fit p&amp;age</source>
        <translation>适合页面(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="76"/>
        <source>The PDF could not be opened (%1).</source>
        <translation>无法打开该 PDF 文件（%1）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="79"/>
        <source>of %1</source>
        <translation>/ 共 %1 页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="38"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/pdf_viewer.py" line="89"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>PhasesEditor</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_widgets.py" line="81"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_widgets.py" line="81"/>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_widgets.py" line="81"/>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_widgets.py" line="88"/>
        <source>Add p&amp;hase</source>
        <translation>添加阶段(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_widgets.py" line="90"/>
        <source>Remove phase</source>
        <translation>删除阶段</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="58"/>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="62"/>
        <source>Annual plan</source>
        <translation>年度计划</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="63"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="72"/>
        <source>Plan id:</source>
        <translation>计划编号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="73"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="74"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="75"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="76"/>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="128"/>
        <source>Window:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="77"/>
        <source>Issued by:</source>
        <translation>发文机关：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="78"/>
        <source>Document number:</source>
        <translation>文号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="83"/>
        <source>&amp;Add item</source>
        <translation>添加事项(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="85"/>
        <source>&amp;Remove item</source>
        <translation>删除事项(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="92"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="109"/>
        <source>No target (frequency only)</source>
        <translation>无覆盖目标（仅频次）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="110"/>
        <source>Share of the scope (%)</source>
        <translation>占范围的比例（%）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="111"/>
        <source>Number of institutions</source>
        <translation>机构家数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="122"/>
        <source>Item id:</source>
        <translation>事项编号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="123"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="124"/>
        <source>Content:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="141"/>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="142"/>
        <source>Times per year:</source>
        <translation>每年次数：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="143"/>
        <source>Responsible division:</source>
        <translation>责任处室：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="144"/>
        <source>Checklists:</source>
        <translation>检查表：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="145"/>
        <source>Inspection type:</source>
        <translation>检查类型：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="249"/>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="264"/>
        <source>(unnamed item)</source>
        <translation>（未命名事项）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="353"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="58"/>
        <source>Plan</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="79"/>
        <source>Phases:</source>
        <translation>工作阶段：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="98"/>
        <source>Own window</source>
        <translation>单独时限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="107"/>
        <source>None checked: all regions</source>
        <translation>不勾选即为全部地区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="131"/>
        <source>Categories</source>
        <translation>机构类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="131"/>
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="132"/>
        <source>Ownership</source>
        <translation>经营性质</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="132"/>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_dialog.py" line="137"/>
        <source>Scope (none checked: any):</source>
        <translation>检查范围（不勾选即不限）：</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="82"/>
        <source>Coverage of the items (%)</source>
        <translation>各检查事项覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="83"/>
        <source>&amp;Draw…</source>
        <translation>双随机抽取(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="86"/>
        <source>&amp;Import plan…</source>
        <translation>导入检查计划(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="89"/>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="97"/>
        <source>&amp;Publish the last round…</source>
        <translation>公示最近一轮结果(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="101"/>
        <source>Plan:</source>
        <translation>检查计划：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="114"/>
        <source>Items (behind schedule in red); only signed inspections count</source>
        <translation>检查事项（进度滞后的以红色显示）；只计已签名的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="138"/>
        <source>draft</source>
        <translation>草拟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="138"/>
        <source>approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="139"/>
        <source>filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="139"/>
        <source>running</source>
        <translation>实施中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="140"/>
        <source>summary reported</source>
        <translation>总结上报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="140"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="162"/>
        <source>Mark as %1</source>
        <translation>标记为%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="196"/>
        <source>Import a plan file</source>
        <translation>导入检查计划文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="197"/>
        <source>Plan files (*.toml)</source>
        <translation>检查计划文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="217"/>
        <source>Publish the results of the round</source>
        <translation>公示本轮抽查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="218"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/plans_page.py" line="92"/>
        <source>&amp;Open plan…</source>
        <translation>查看／编辑计划(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../inspector_app/ui/qt_gaps.py" line="13"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/qt_gaps.py" line="14"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="60"/>
        <source>On-site inspection record</source>
        <translation>现场检查笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="69"/>
        <source>Rectification notice</source>
        <translation>责令整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="78"/>
        <source>Inquiry record</source>
        <translation>询问笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="82"/>
        <source>Proof of service</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="65"/>
        <source>Addendum (correction)</source>
        <translation>补正说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="73"/>
        <source>Re-inspection record</source>
        <translation>整改复查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/record_labels.py" line="25"/>
        <source>Officer %1</source>
        <translation>执法人员%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/record_labels.py" line="26"/>
        <source>Team lead (review)</source>
        <translation>检查组组长（审核）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/record_labels.py" line="27"/>
        <source>Officer in charge</source>
        <translation>承办执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="86"/>
        <source>Sealing decision</source>
        <translation>封存决定书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="90"/>
        <source>Registered preservation notice</source>
        <translation>先行登记保存通知书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/records/kinds.py" line="94"/>
        <source>Seal extension decision</source>
        <translation>延长封存决定书</translation>
    </message>
</context>
<context>
    <name>RecordingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="38"/>
        <source>Audio and video records</source>
        <translation>音像记录登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="42"/>
        <source>Captured</source>
        <translation>拍摄/录制时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="42"/>
        <source>Stage</source>
        <translation>检查环节</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="42"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="43"/>
        <source>Medium</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="43"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="43"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="53"/>
        <source>&amp;Import file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="55"/>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="167"/>
        <source>&amp;Record audio</source>
        <translation>录音(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="61"/>
        <source>No microphone is available on this computer, so audio cannot be recorded here; import the recorder&apos;s file instead.</source>
        <translation>本机没有可用的麦克风，无法在此录音；请导入执法记录仪的文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="63"/>
        <source>&amp;Play selected</source>
        <translation>播放所选(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="74"/>
        <source>&amp;Stage of the visit:</source>
        <translation>检查环节(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="75"/>
        <source>Recorded &amp;by:</source>
        <translation>记录人(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="76"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="108"/>
        <source>Audio</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="108"/>
        <source>Video</source>
        <translation>录像</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="110"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="119"/>
        <source>Import a recording</source>
        <translation>导入音像记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="120"/>
        <source>Audio and video (%1)</source>
        <translation>音视频 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="137"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="138"/>
        <source>Registered.</source>
        <translation>已登记。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="167"/>
        <source>S&amp;top recording</source>
        <translation>停止录音(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="218"/>
        <source>Showing credentials, notice of rights</source>
        <extracomment>English labels of domain.recording.STAGES for the UI (translated to the same Chinese words).</extracomment>
        <translation>出示执法证件、告知权利</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="219"/>
        <source>On-site inspection</source>
        <translation>现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="220"/>
        <source>Inquiry</source>
        <translation>询问调查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="221"/>
        <source>Sealing, registered preservation</source>
        <translation>封存、先行登记保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="222"/>
        <source>Signing the record, refusal before a witness</source>
        <translation>笔录签名、拒签见证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="223"/>
        <source>Serving documents</source>
        <translation>文书送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="224"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="65"/>
        <source>&amp;Cut a clip…</source>
        <translation>截取片段(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="66"/>
        <source>Save a part of the selected recording as a new clip; the original stays unchanged as the evidence.</source>
        <translation>将所选录音录像的一部分另存为新片段；原件不变，仍作为证据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="188"/>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="191"/>
        <source>Cut a clip</source>
        <translation>截取片段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="188"/>
        <source>From (seconds):</source>
        <translation>起点（秒）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="191"/>
        <source>To (seconds):</source>
        <translation>终点（秒）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="206"/>
        <source>Cutting…</source>
        <translation>正在截取…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/recordings_dialog.py" line="207"/>
        <source>The clip is registered; the original is unchanged.</source>
        <translation>片段已登记，原件未改动。</translation>
    </message>
</context>
<context>
    <name>RectificationTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="44"/>
        <source>Institution</source>
        <translation>被检查机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="44"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="44"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="44"/>
        <source>Result</source>
        <translation>整改结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="45"/>
        <source>Voluntary refund (yuan)</source>
        <translation>主动退回（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="55"/>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
</context>
<context>
    <name>ReinspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="55"/>
        <source>Re-inspection — %1</source>
        <translation>整改复查 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="57"/>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="58"/>
        <source>%1 days left</source>
        <translation>剩余 %1 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="59"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · rectification deadline %2 (%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 整改期限 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="62"/>
        <source>The signed inspection record stays as it was signed. Photos taken now belong to this re-inspection, and its result counts once the re-inspection record is signed.</source>
        <translation>已签名的现场检查笔录保持原样不变。现在采集的照片属于本次复查；复查记录签名后，复查结论才生效。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="75"/>
        <source>Where the re-inspection takes place</source>
        <translation>复查地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="76"/>
        <source>&amp;Start re-inspection</source>
        <translation>开始复查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="80"/>
        <source>Officer 1:</source>
        <translation>执法人员 1：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="81"/>
        <source>Officer 2:</source>
        <translation>执法人员 2：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="82"/>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="87"/>
        <source>— choose the result —</source>
        <translation>— 请选择复查结论 —</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="93"/>
        <source>What was found: which problems are corrected, what remains, documents seen, refunds made…</source>
        <translation>复查情况：哪些问题已整改、哪些尚未整改、查阅了哪些材料、退款情况……</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="101"/>
        <source>Result:</source>
        <translation>复查结论：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="102"/>
        <source>What was found:</source>
        <translation>复查情况：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="103"/>
        <source>Re-inspection</source>
        <translation>整改复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="106"/>
        <source>Evidence of the re-inspection:</source>
        <translation>复查证据：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="115"/>
        <source>Password of the signing certificate</source>
        <translation>签名证书密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="117"/>
        <source>Si&amp;gn re-inspection record</source>
        <translation>签署复查记录(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="120"/>
        <source>&amp;Open record</source>
        <translation>打开复查记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="131"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="177"/>
        <source>Signed: %1. Waiting for: %2.</source>
        <translation>已签名：%1。待签名：%2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="179"/>
        <source>Signed by every officer: %1.</source>
        <translation>全部执法人员已签名：%1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="181"/>
        <source>Before signing: %1</source>
        <translation>签名前还需：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="184"/>
        <source>Ready to sign. The first signature fixes the result and the evidence.</source>
        <translation>可以签名。第一个签名即固定复查结论和证据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="203"/>
        <source>Choose the two officers who go back, then start the re-inspection.</source>
        <translation>请选择参加复查的两名执法人员，然后开始复查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="236"/>
        <source>Choose two officers with valid certificates.</source>
        <translation>请选择两名持有效执法证件的执法人员。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="259"/>
        <source>Enter the password of the signing certificate.</source>
        <translation>请输入签名证书的密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="268"/>
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
</context>
<context>
    <name>ReviewEventsListModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/review_events_model.py" line="34"/>
        <source>Comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/review_events_model.py" line="34"/>
        <source>Returned for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/review_events_model.py" line="35"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/review_events_model.py" line="38"/>
        <source> on finding %1</source>
        <translation>（针对问题 %1）</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="58"/>
        <source>Choose a record on the left</source>
        <translation>请在左侧选择检查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="75"/>
        <source>Review comment (kept permanently; Enter to add)</source>
        <translation>审核意见（永久保存；按回车添加）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="78"/>
        <source>Start &amp;review</source>
        <translation>开始审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="79"/>
        <source>Re&amp;turn for correction…</source>
        <translation>退回补正(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="80"/>
        <source>&amp;Approve (countersign)…</source>
        <translation>批准（会签）(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="82"/>
        <source>&amp;Outcome…</source>
        <translation>处理结果(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="83"/>
        <source>Open signed &amp;PDF</source>
        <translation>打开已签名 PDF(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="86"/>
        <source>Publication e&amp;xport…</source>
        <translation>公开导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="106"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="108"/>
        <source>Review history</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="157"/>
        <source>General</source>
        <translation>总体意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="159"/>
        <source>Finding %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="193"/>
        <source>Return for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="194"/>
        <source>What must be corrected? The inspectors answer with a signed addendum; the signed record stays as it is.</source>
        <translation>需要更正哪些内容？检查人员将以签名的补正说明答复，已签名的笔录保持不变。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="201"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="202"/>
        <source>Password of your signing certificate:</source>
        <translation>您的签名证书密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="209"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="210"/>
        <source>Your countersignature was added to the record; the officers&apos; signatures stay valid.</source>
        <translation>已在笔录上加签；执法人员的签名仍然有效。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="230"/>
        <source>Export case file</source>
        <translation>导出案卷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="258"/>
        <source>Publication export</source>
        <translation>公开导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="264"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="265"/>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="272"/>
        <source>No record</source>
        <translation>无笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="273"/>
        <source>This inspection has no signed record yet.</source>
        <translation>该检查尚无已签名的笔录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="241"/>
        <source>%1 (team lead)</source>
        <translation>%1（组长）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="243"/>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="248"/>
        <source>Seal the case file</source>
        <translation>封卷签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="243"/>
        <source>Sealed by:</source>
        <translation>封卷人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="249"/>
        <source>Password of the signing certificate of %1:</source>
        <translation>%1 的签名证书密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/review_page.py" line="84"/>
        <source>Export case f&amp;ile…</source>
        <translation>导出案卷(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>SampleTableEditor</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="125"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="127"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="59"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="73"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/sample_table.py" line="73"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SeizureDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="41"/>
        <source>Sealing and registered preservation</source>
        <translation>封存与先行登记保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="45"/>
        <source>&amp;Items and photos</source>
        <translation>物品与照片(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="46"/>
        <source>&amp;Party and signatures</source>
        <translation>当事人与签名(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="47"/>
        <source>&amp;Measures and clocks</source>
        <translation>措施与期限(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="57"/>
        <source>Second officer:</source>
        <translation>第二名执法人员：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="58"/>
        <source>Their password:</source>
        <translation>其密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="59"/>
        <source>Both officers sign</source>
        <translation>两名执法人员签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="81"/>
        <source>Item</source>
        <translation>物品名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="81"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="81"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="82"/>
        <source>Kept at</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="82"/>
        <source>Specification</source>
        <translation>规格/批号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="83"/>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="83"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="90"/>
        <source>&amp;Stamp time, place, officer and number on the printed photos</source>
        <translation>在打印的照片上标注时间、地点、执法人员和编号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="92"/>
        <source>&amp;Add item</source>
        <translation>添加物品(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="94"/>
        <source>&amp;Remove item</source>
        <translation>删除物品(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="96"/>
        <source>Add p&amp;hotos…</source>
        <translation>添加照片(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="98"/>
        <source>&amp;Take photo…</source>
        <translation>拍照(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="102"/>
        <source>No camera is available on this computer (or Qt Multimedia is not installed).</source>
        <translation>本机没有可用的摄像头（或未安装 Qt Multimedia）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="74"/>
        <source>Sealing (up to 30 days, extendable once by 30)</source>
        <translation>封存（不超过 30 日，可延长一次 30 日）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="75"/>
        <source>Registered preservation (handling decision within 7 days)</source>
        <translation>先行登记保存（7 日内作出处理决定）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="105"/>
        <source>Measure:</source>
        <translation>措施：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="106"/>
        <source>Facts and reason:</source>
        <translation>事实和理由：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="107"/>
        <source>Carried out at:</source>
        <translation>执行地点：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="108"/>
        <source>Approved by (agency head):</source>
        <translation>批准负责人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="109"/>
        <source>Legal clock:</source>
        <translation>法定期限：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="125"/>
        <source>The party &amp;refuses to sign</source>
        <translation>当事人拒绝签名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="131"/>
        <source>Party&apos;s representative who signs:</source>
        <translation>当事人签名人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="133"/>
        <source>Reason for refusing:</source>
        <translation>拒签理由：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="134"/>
        <source>Witness name:</source>
        <translation>见证人姓名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="135"/>
        <source>Witness ID number:</source>
        <translation>见证人身份证号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="136"/>
        <source>Witness relation to the party:</source>
        <translation>见证人与当事人关系：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="137"/>
        <source>Officers&apos; note:</source>
        <translation>执法人员说明：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="148"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="148"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="148"/>
        <source>Items</source>
        <translation>物品数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="149"/>
        <source>Deadline</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="149"/>
        <source>Clock</source>
        <translation>期限状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="153"/>
        <source>E&amp;xtend the seal by 30 days…</source>
        <translation>延长封存 30 日(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="156"/>
        <source>R&amp;elease…</source>
        <translation>解除(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="158"/>
        <source>Record the &amp;handling decision…</source>
        <translation>记录处理决定(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="172"/>
        <source>Released</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="172"/>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="174"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已超期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="175"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>还剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="176"/>
        <source> (extended)</source>
        <translation>（已延长）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="182"/>
        <source>until %1 — %2</source>
        <translation>至 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="193"/>
        <source>Sealing</source>
        <translation>封存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="193"/>
        <source>Registered preservation</source>
        <translation>先行登记保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="209"/>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="212"/>
        <source>Extend the seal</source>
        <translation>延长封存期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="209"/>
        <source>Reason for the extension:</source>
        <translation>延长理由：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="241"/>
        <source>End the measure</source>
        <translation>结束措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="242"/>
        <source>What was decided (decision and number, or how the items were returned):</source>
        <translation>处理结果（处理决定及文号，或物品返还情况）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="271"/>
        <source>Select the item the photo shows.</source>
        <translation>请先选中照片所拍的物品。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="288"/>
        <source>Photo %1</source>
        <translation>照片 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="291"/>
        <source>Photos of the item</source>
        <translation>物品照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="292"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="309"/>
        <source>Signature of the witness</source>
        <translation>见证人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="309"/>
        <source>Signature of the party</source>
        <translation>当事人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="316"/>
        <source>The measure needs two different officers.</source>
        <translation>须由两名不同的执法人员实施。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="319"/>
        <source>The witness signs on the pad.</source>
        <translation>请见证人在签名板上签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="320"/>
        <source>The party signs on the pad.</source>
        <translation>请当事人在签名板上签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="224"/>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="348"/>
        <source>Enter the second officer&apos;s password.</source>
        <translation>请输入第二名执法人员的密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="155"/>
        <source>Both officers below sign a seal extension decision</source>
        <translation>由下方两名执法人员签署延长封存决定书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/seizure_dialog.py" line="213"/>
        <source>Approved by (the agency head):</source>
        <translation>批准负责人：</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="39"/>
        <source>Handed over (signed for)</source>
        <translation>直接送达（签收）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="40"/>
        <source>Left at the premises (refused; witness and photo)</source>
        <translation>留置送达（拒收；见证人、照片）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="41"/>
        <source>By registered post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="42"/>
        <source>Electronic</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="51"/>
        <source>Proof of service</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="53"/>
        <source>Serving %1 %2.</source>
        <translation>送达 %1 %2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="68"/>
        <source>No photo</source>
        <translation>未选择照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="69"/>
        <source>C&amp;hoose photo…</source>
        <translation>选择照片(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="84"/>
        <source>Method:</source>
        <translation>送达方式：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="85"/>
        <source>Served on:</source>
        <translation>受送达人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="86"/>
        <source>Received by:</source>
        <translation>签收人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="87"/>
        <source>Their relation to the party:</source>
        <translation>与受送达人关系：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="88"/>
        <source>Served at:</source>
        <translation>送达时间：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="89"/>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="90"/>
        <source>Refusal and where the document was left:</source>
        <translation>拒收情况及留置地点：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="91"/>
        <source>Witness name:</source>
        <translation>见证人姓名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="92"/>
        <source>Witness ID number:</source>
        <translation>见证人身份证号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="93"/>
        <source>Witness relation:</source>
        <translation>见证人与受送达人关系：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="94"/>
        <source>Photo of the document left:</source>
        <translation>留置文书照片：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="95"/>
        <source>Postal number:</source>
        <translation>邮件号码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="96"/>
        <source>Electronic address (consented):</source>
        <translation>电子送达地址（已同意）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="99"/>
        <source>Second serving officer:</source>
        <translation>第二送达人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="100"/>
        <source>Their password:</source>
        <translation>其证书密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="101"/>
        <source>Both officers sign</source>
        <translation>两名送达人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="120"/>
        <source>Signature of the witness</source>
        <translation>见证人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="120"/>
        <source>Signature of the receiver</source>
        <translation>签收人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="123"/>
        <source>Photo of the document left</source>
        <translation>留置文书照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="124"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="135"/>
        <source>The document is served by two different officers.</source>
        <translation>文书须由两名不同的执法人员送达。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/service_dialog.py" line="139"/>
        <source>Enter the second serving officer&apos;s password.</source>
        <translation>请输入第二送达人的证书密码。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="29"/>
        <source>Set up sign-in on this laptop</source>
        <translation>在本机设置登录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="33"/>
        <source>This workspace has no sign-in yet. Choose the agency&apos;s recovery public key (a file from IT) and your password; other officers get theirs after you sign in.</source>
        <translation>此工作区尚未设置登录。请选择机构的恢复公钥（信息中心提供的文件）并设置您的密码；其他执法人员在您登录后设置各自的密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="39"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="47"/>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="55"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="47"/>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="54"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="67"/>
        <source>Recovery public &amp;key:</source>
        <translation>恢复公钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="71"/>
        <source>&amp;Officer:</source>
        <translation>执法人员(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="73"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="74"/>
        <source>&amp;Certificate number (执法证号):</source>
        <translation>执法证号(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="75"/>
        <source>Certificate &amp;valid until:</source>
        <translation>执法证有效期至(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="76"/>
        <source>&amp;Department:</source>
        <translation>科室(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="77"/>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="81"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="82"/>
        <source>&amp;Repeat the password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="85"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="91"/>
        <source>Recovery public key</source>
        <translation>恢复公钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="92"/>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation>PEM 文件 (*.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="113"/>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="117"/>
        <source>Recovery public key: %1</source>
        <translation>恢复公钥：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="114"/>
        <source>cannot read the file %1</source>
        <translation>无法读取文件 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="121"/>
        <source>Enter your name and certificate number.</source>
        <translation>请输入姓名和执法证号。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/setup_dialog.py" line="128"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/shortcuts_dialog.py" line="24"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/shortcuts_dialog.py" line="28"/>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/shortcuts_dialog.py" line="28"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/shortcuts_dialog.py" line="28"/>
        <source>What it does</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="51"/>
        <source>Officer signs the record</source>
        <translation>执法人员签署笔录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="53"/>
        <source>Each officer of the team signs with their own signing certificate. The first signature freezes the record; corrections afterwards need an addendum.</source>
        <translation>检查组每名执法人员使用本人的签名证书签名。首个签名后笔录即锁定，此后的更正须制作补正说明。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="58"/>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="58"/>
        <source>Signing certificate</source>
        <translation>签名证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="59"/>
        <source>Handwritten signature</source>
        <translation>手写签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="59"/>
        <source>Digital signature</source>
        <translation>数字签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="67"/>
        <source>&amp;Draw handwritten signature…</source>
        <translation>手写签名(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="69"/>
        <source>&amp;Import certificate (PKCS#12)…</source>
        <translation>导入证书（PKCS#12）(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="84"/>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="94"/>
        <source>Certificate &amp;password:</source>
        <translation>证书密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="123"/>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="123"/>
        <source>missing — import it</source>
        <translation>缺少，请导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="124"/>
        <source>drawn</source>
        <translation>已签写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="124"/>
        <source>not drawn yet</source>
        <translation>尚未签写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="125"/>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="125"/>
        <source>not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="164"/>
        <source>%1 has already signed this record.</source>
        <translation>%1 已在本笔录上签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="166"/>
        <source>%1 has no signing certificate on this laptop: import their PKCS#12 file.</source>
        <translation>本机没有 %1 的签名证书，请导入其 PKCS#12 文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="169"/>
        <source>Before the first signature: %1</source>
        <translation>首次签名前还须：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="172"/>
        <source>%1 signs as officer of the team. Enter the certificate password.</source>
        <translation>%1 以检查组执法人员身份签名，请输入证书密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="189"/>
        <source>Signing certificate of %1</source>
        <translation>%1 的签名证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="190"/>
        <source>PKCS#12 certificate (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 证书 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="193"/>
        <source>Certificate password</source>
        <translation>证书密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="194"/>
        <source>Password of %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="207"/>
        <source>Certificate imported: %1, valid until %2.</source>
        <translation>证书已导入：%1，有效期至 %2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="218"/>
        <source>Enter the password of the signing certificate.</source>
        <translation>请输入签名证书的密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="226"/>
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_dialog.py" line="103"/>
        <source>Signing the record</source>
        <translation>正在签署笔录</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_in_dialog.py" line="11"/>
        <source>Sign in to the sync server</source>
        <translation>登录同步服务器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_in_dialog.py" line="21"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_in_dialog.py" line="22"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_in_dialog.py" line="23"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_in_dialog.py" line="24"/>
        <source>Without a network you can still sign in on a laptop where you signed in online before; changes sync when the server is reachable.</source>
        <translation>无网络时，在曾经联网登录过的电脑上仍可离线登录；服务器可连接时自动同步。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/sign_in_dialog.py" line="34"/>
        <source>Fill in the server, the user and the password.</source>
        <translation>请填写服务器、用户名和密码。</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="58"/>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="59"/>
        <source>Sign with the mouse, a pen or a finger. Backspace undoes the last stroke, Delete clears.</source>
        <translation>可用鼠标、手写笔或手指签字。退格键撤销上一笔，Delete 键清除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="201"/>
        <source>Sign here</source>
        <translation>请在此处签名</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="100"/>
        <source>Handwritten signature of the officer</source>
        <translation>执法人员手写签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="101"/>
        <source>Signature of the party&apos;s representative</source>
        <translation>当事人代表签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="102"/>
        <source>Signature of the witness</source>
        <translation>见证人签名</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="232"/>
        <source>&amp;Undo stroke</source>
        <translation>撤销一笔(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="234"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SignedDocumentDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="58"/>
        <source>Password of the signing certificate</source>
        <translation>签名证书密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="66"/>
        <source>Sign and issue</source>
        <translation>签名并签发</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="71"/>
        <source>Signed by:</source>
        <translation>签名人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="72"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="80"/>
        <source>No officer of the team can sign.</source>
        <translation>检查组中没有可以签名的执法人员。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="83"/>
        <source>Enter the password of the signing certificate.</source>
        <translation>请输入签名证书的密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialogs.py" line="89"/>
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
</context>
<context>
    <name>SignedDocuments</name>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="70"/>
        <source>Signed documents</source>
        <translation>已签名文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="75"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="75"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="76"/>
        <source>Signed by</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="76"/>
        <source>Awaiting</source>
        <translation>待签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="77"/>
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="80"/>
        <source>Verif&amp;y…</source>
        <translation>核验(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="82"/>
        <source>Open P&amp;DF</source>
        <translation>打开 PDF(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="84"/>
        <source>Open in sys&amp;tem viewer</source>
        <translation>用系统程序打开(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="86"/>
        <source>E&amp;xport PDF…</source>
        <translation>导出 PDF(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="100"/>
        <source>Co&amp;untersign…</source>
        <translation>会签(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="102"/>
        <source>Rectification &amp;notice…</source>
        <translation>责令整改通知书(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="104"/>
        <source>&amp;Addendum…</source>
        <translation>补正说明(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="106"/>
        <source>In&amp;quiry record…</source>
        <translation>询问笔录(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="108"/>
        <source>Proof of serv&amp;ice…</source>
        <translation>送达回证(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="115"/>
        <source>Su&amp;bmit for review</source>
        <translation>提交审核(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="143"/>
        <source>%1 — served %2 (%3)</source>
        <translation>%1 — 已于 %2 送达（%3）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="182"/>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="186"/>
        <source>Countersign</source>
        <translation>会签</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="182"/>
        <source>Officer:</source>
        <translation>执法人员：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="187"/>
        <source>Password of the signing certificate of %1:</source>
        <translation>%1 的签名证书密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="295"/>
        <source>No PDF viewer is set up on this computer. The file is at %1</source>
        <translation>本机未设置 PDF 阅读程序。文件位于 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="302"/>
        <source>Export signed PDF</source>
        <translation>导出已签名的 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="304"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="313"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_documents.py" line="110"/>
        <source>Sei&amp;zure or preservation…</source>
        <translation>封存/先行登记保存(&amp;Z)…</translation>
    </message>
</context>
<context>
    <name>SignerPanel</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="52"/>
        <source>18-digit resident ID number</source>
        <translation>18 位居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="57"/>
        <source>e.g. community worker, staff of a neighbouring unit</source>
        <translation>例如：社区工作人员、相邻单位工作人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="58"/>
        <source>Signature of the officer:</source>
        <translation>执法人员签名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="59"/>
        <source>Signature of the party&apos;s representative:</source>
        <translation>当事人代表签名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="60"/>
        <source>Signature of the witness:</source>
        <translation>见证人签名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="65"/>
        <source>Witness &amp;name:</source>
        <translation>见证人姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="65"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="67"/>
        <source>&amp;Title / position:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="69"/>
        <source>&amp;ID number:</source>
        <translation>身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="71"/>
        <source>P&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="73"/>
        <source>Relation to the &amp;party:</source>
        <translation>与当事人关系(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="85"/>
        <source>Enter the signer&apos;s name.</source>
        <translation>请填写签字人姓名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signature_dialog.py" line="87"/>
        <source>The signature pad is empty: the signer must sign on the pad before you confirm.</source>
        <translation>签名板为空：请签字人在签名板上签字后再确认。</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="58"/>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="58"/>
        <source>Signing certificate</source>
        <translation>签名证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="59"/>
        <source>Handwritten signature</source>
        <translation>手写签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="60"/>
        <source>Digital signature</source>
        <translation>数字签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="62"/>
        <source>Draw hand&amp;written signature…</source>
        <translation>手写签名(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="65"/>
        <source>&amp;Officer signs…</source>
        <translation>执法人员签名(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="69"/>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="83"/>
        <source>&amp;Party signs / refuses…</source>
        <translation>当事人签字／拒签(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="86"/>
        <source>Inspected party</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="175"/>
        <source>✔ The record %1 is signed by every officer of the team.</source>
        <translation>✔ 笔录 %1 已由检查组全体执法人员签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="178"/>
        <source>The record %1 is frozen by the first signature. Still to sign: %2.</source>
        <translation>笔录 %1 已因首个签名而锁定。尚待签名：%2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="182"/>
        <source>Before the record can be signed:</source>
        <translation>签署笔录前还须完成：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="184"/>
        <source>Ready: the officers can sign the record.</source>
        <translation>已就绪：执法人员可以签署笔录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="192"/>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="192"/>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="193"/>
        <source>drawn</source>
        <translation>已签写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="193"/>
        <source>not drawn yet</source>
        <translation>尚未签写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="194"/>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="194"/>
        <source>not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="203"/>
        <source>Not recorded yet. After the record is read to them, the party&apos;s representative signs it — or, if they refuse, record the refusal with a witness.</source>
        <translation>尚未记录。向当事人代表宣读笔录后，由其签字确认；拒绝签字的，记录拒签情况并由见证人见证。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="208"/>
        <source>Handwritten signature captured.</source>
        <translation>已采集手写签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="210"/>
        <source>No handwritten signature captured.</source>
        <translation>尚未采集手写签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="213"/>
        <source>&lt;b&gt;Refused to sign.&lt;/b&gt; Reason: %1&lt;br&gt;Witness: %2 (%3)</source>
        <translation>&lt;b&gt;拒绝签字。&lt;/b&gt;理由：%1&lt;br&gt;见证人：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/signing_page.py" line="218"/>
        <source>&lt;b&gt;Signed&lt;/b&gt; by %1</source>
        <translation>&lt;b&gt;已签字&lt;/b&gt;：%1</translation>
    </message>
</context>
<context>
    <name>SigningProgress</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signing_progress.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signing_progress.py" line="62"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="141"/>
        <source>Sync: not set up</source>
        <translation>同步：未设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="142"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="143"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="144"/>
        <source>%1 pending</source>
        <translation>待同步 %1 项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="146"/>
        <source>photos %1/%2</source>
        <translation>照片 %1/%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="149"/>
        <source>%1 conflict(s)</source>
        <translation>冲突 %1 个</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="152"/>
        <source>%1 rejected</source>
        <translation>被拒绝 %1 项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="155"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="158"/>
        <source>not progressing</source>
        <translation>同步停滞</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="160"/>
        <source>server storage full, retrying later</source>
        <translation>服务器存储空间已满，稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_controller.py" line="165"/>
        <source>this computer&apos;s clock is %1 min off the server&apos;s</source>
        <translation>本机时钟与服务器相差 %1 分钟，请校准日期和时间</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="42"/>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="42"/>
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="42"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="43"/>
        <source>Credentials shown</source>
        <translation>亮证时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="43"/>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="141"/>
        <source>Conflict of interest</source>
        <translation>回避情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="49"/>
        <source>Declare &amp;no conflict</source>
        <translation>声明无需回避(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="78"/>
        <source>Period under inspection: %1 to %2</source>
        <translation>检查时间范围：%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="87"/>
        <source>not declared</source>
        <translation>未声明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="87"/>
        <source>none declared</source>
        <translation>无需回避</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="88"/>
        <source>conflict: %1</source>
        <translation>需回避：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="90"/>
        <source> — expired</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="108"/>
        <source>Ready: the team meets the two-officer rule, credentials were shown and every officer declared on conflicts of interest.</source>
        <translation>可以开始：检查组执法人员不少于两名，已亮证，且每名执法人员均已作出回避声明。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="142"/>
        <source>Describe the relationship with the inspected institution:</source>
        <translation>请说明与被检查机构的关系：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="48"/>
        <source>Record credentials shown no&amp;w</source>
        <translation>记录已亮证(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="50"/>
        <source>Declare a c&amp;onflict…</source>
        <translation>申报回避事由(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="51"/>
        <source>S&amp;tart on-site inspection</source>
        <translation>开始现场检查(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/team_page.py" line="89"/>
        <source> (lead officer)</source>
        <translation>（主办执法人员）</translation>
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
<context>
    <name>TrackingPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="76"/>
        <source>&amp;Re-inspection…</source>
        <translation>整改复查(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="85"/>
        <source>Inspections by status</source>
        <translation>各状态检查数量</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="86"/>
        <source>Findings by article of the Regulation</source>
        <translation>问题按条例条款分布</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="97"/>
        <source>Rectifications (overdue in red)</source>
        <translation>整改情况（逾期以红色标出）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="109"/>
        <source>Open rectifications: %1 · overdue: %2 · to refund to the fund: %3 yuan · refunded voluntarily: %4 yuan · fines: %5 yuan</source>
        <translation>整改中：%1 · 逾期：%2 · 应退回基金：%3 元 · 已主动退回：%4 元 · 罚款：%5 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="143"/>
        <source>Voluntary refund</source>
        <translation>主动退回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="143"/>
        <source>Amount refunded (yuan):</source>
        <translation>退回金额（元）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/tracking_page.py" line="78"/>
        <source>Record voluntary ref&amp;und…</source>
        <translation>记录主动退回(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="44"/>
        <source>Verify a signed PDF</source>
        <translation>核验已签名的 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="48"/>
        <source>&amp;Choose PDF file…</source>
        <translation>选择 PDF 文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="70"/>
        <source>Choose a PDF file to verify.</source>
        <translation>请选择要核验的 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="74"/>
        <source>PDF to verify</source>
        <translation>要核验的 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="75"/>
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>PDF 文档 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="82"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="84"/>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="98"/>
        <source>Could not verify: %1</source>
        <translation>无法核验：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="122"/>
        <source>Not yet signed: %1</source>
        <translation>尚未签名：%1</translation>
    </message>
</context>
<context>
    <name>VerifyWords</name>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="26"/>
        <source>not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="27"/>
        <source>signed by some officers</source>
        <translation>部分执法人员已签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="28"/>
        <source>signed by all officers</source>
        <translation>执法人员已全部签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="29"/>
        <source>approved by the team lead</source>
        <translation>检查组组长已审核签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="34"/>
        <source>✔ Valid: the signatures are intact and trusted, the signers are the persons and roles the record names, and the record is {stage}.</source>
        <translation>✔ 通过：签名完好且可信，签名人与文书载明的人员和角色一致，文书已达到“{stage}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="38"/>
        <source>? Not fully verified: the signatures are intact, but revocation was not checked (no revocation data), so a revoked certificate cannot be ruled out.</source>
        <translation>？未完全核验：签名完好，但吊销状态未检查（没有吊销信息），不能排除证书已被吊销。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/verify_words.py" line="40"/>
        <source>✘ Not valid: %n problem(s) found (listed below).</source>
        <translation>
            <numerusform>✘ 不通过：发现 %n 个问题（见下方）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="46"/>
        <source>a field the record does not plan</source>
        <translation>文书未规定的签名位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="48"/>
        <source>, enforcement certificate no. {no}</source>
        <translation>，执法证号 {no}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="50"/>
        <source>{role}: {name}{number}</source>
        <translation>{role}：{name}{number}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="59"/>
        <source>{kind} no. {number}: record data, metadata and journal are covered by the signatures</source>
        <translation>{kind}（编号 {number}）：文书数据、元数据和全过程记录均在签名范围内</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="63"/>
        <source>Not a record made by this system: the signed file lacks the record structure (record data, journal or metadata).</source>
        <translation>不是本系统制作的检查文书：签名的文件缺少文书结构（文书数据、全过程记录或元数据）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="65"/>
        <source>The file cannot be read as a PDF.</source>
        <translation>文件无法作为 PDF 读取。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="66"/>
        <source>The file has no signature.</source>
        <translation>文件没有任何签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="67"/>
        <source>Signature ({who}): intact, certificate issued by a trusted authority, only allowed changes after it</source>
        <translation>签名（{who}）：完好，证书由受信任的机构签发，其后只有允许的修改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="69"/>
        <source>Signature ({who}): broken — the signed content was changed or the signature is damaged</source>
        <translation>签名（{who}）：已失效——签名内容被改动或签名值损坏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="71"/>
        <source>Signature ({who}): the certificate does not lead to a trusted authority</source>
        <translation>签名（{who}）：证书不能追溯到受信任的机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="73"/>
        <source>Signature ({who}): the file was changed afterwards in a way that is not allowed</source>
        <translation>签名（{who}）：其后文件被作了不允许的修改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="75"/>
        <source>Signature ({who}): the claimed signing time is outside the certificate&apos;s validity</source>
        <translation>签名（{who}）：声称的签名时间不在证书有效期内</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="77"/>
        <source>The signer is the person the record names for this place ({name})</source>
        <translation>签名人与文书在该位置载明的人员一致（{name}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="80"/>
        <source>Wrong signer: the record names {bound} (no. {bound_no}) for this place, but {name} (no. {no}) signed</source>
        <translation>签名人不符：文书在该位置载明的是 {bound}（执法证号 {bound_no}），实际签名人为 {name}（执法证号 {no}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="85"/>
        <source>{name} signed in a place the record does not plan</source>
        <translation>{name} 在文书未规定的位置签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="87"/>
        <source>The approver&apos;s certificate states the team-lead role</source>
        <translation>审核人的证书载明检查组组长身份</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="88"/>
        <source>The approver {name}&apos;s certificate does not state the team-lead role</source>
        <translation>审核人 {name} 的证书未载明检查组组长身份</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="91"/>
        <source>Certificate not revoked (checked against the revocation list): {name}</source>
        <translation>证书未被吊销（已依据吊销列表核对）：{name}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="94"/>
        <source>Certificate revoked: {name}</source>
        <translation>证书已被吊销：{name}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="95"/>
        <source>Revocation not checked: no revocation list of {name}&apos;s certificate authority</source>
        <translation>吊销状态未检查：没有 {name} 的证书签发机构的吊销列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="97"/>
        <source>Claimed signing time {time} (Beijing time), from the signer&apos;s device clock (not proven)</source>
        <translation>声称的签名时间 {time}（北京时间），取自签名人设备时钟（未经证明）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="100"/>
        <source>Stage reached: {stage} (required: {required})</source>
        <translation>签名达到的阶段：{stage}（要求：{required}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="103"/>
        <source>Fewer than two officers signed (Regulation on the Supervision of Medical Insurance Funds, art. 29)</source>
        <translation>执法人员签名不足两人（《医疗保障基金使用监督管理条例》第二十九条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="105"/>
        <source>The signatures reach only “{stage}”, but “{required}” is required or claimed</source>
        <translation>签名只达到“{stage}”，但要求或声称的是“{required}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="108"/>
        <source>Whole-process record: {n} events, hash chain intact, head matches the record</source>
        <translation>全过程记录：{n} 条，哈希链完整，链头与文书所载一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="111"/>
        <source>The whole-process record is missing</source>
        <translation>缺少全过程记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="112"/>
        <source>The whole-process record&apos;s hash chain is broken (tampered)</source>
        <translation>全过程记录的哈希链断开（被篡改）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="113"/>
        <source>The whole-process record&apos;s head does not match the one in the record</source>
        <translation>全过程记录的链头与文书所载不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="115"/>
        <source>The embedded record data matches the record&apos;s content hash</source>
        <translation>嵌入的文书数据与文书所载内容哈希一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="116"/>
        <source>The embedded record data does not match the record&apos;s content hash</source>
        <translation>嵌入的文书数据与文书所载内容哈希不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="121"/>
        <source>The signed pages do not show what the signed record data says</source>
        <translation>签名版本的页面与签名的文书数据不一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="123"/>
        <source>{signed} pages when signed, {now} now</source>
        <translation>签名时 {signed} 页，现在 {now} 页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="125"/>
        <source>Pages were removed after signing</source>
        <translation>签名后页面被删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="118"/>
        <source>Every page is exactly what the signed record data renders to (text, photos, signature images and layout)</source>
        <translation>每一页与按签名数据重新生成的页面完全一致（文字、照片、签名图像和版式）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/verify_words.py" line="120"/>
        <source>The document timestamp does not match the file or is damaged</source>
        <translation>文档时间戳与文件内容不符或已损坏</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="88"/>
        <source>Officer: %1</source>
        <translation>执法人员：%1</translation>
    </message>
</context>
</TS>
