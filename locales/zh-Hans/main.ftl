# signpost: Simplified Chinese (zh-Hans).
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The language picker

language-name = 简体中文
    .aliases = chinese, mandarin, 中文, 汉语, 普通话
language-pick = 您想使用哪种语言？

## Said by signpost itself, at any step

welcome-back = 欢迎回来。我们上次说到这里：
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    我会把您的请求转给一位社会处方顾问（social prescriber），他们会联系您。
    { $buttons ->
        [typed] 请输入选项的编号或文字。您也可以输入：
       *[tapped] 请按一个按钮，或输入它的编号。您也可以输入：
    }
    返回（back）：回到上一个问题
    重新开始（restart）：从头开始
    language：更换语言
    /mydata：查看我们保存的关于您的全部信息
    /forget：删除我们保存的关于您的全部信息
    如果您现在有危险，请拨打 999。
restarted = 我们重新开始吧。
cannot-go-back = 已经不能再往回了。
stale-choice = 那个按钮属于之前的问题。我们现在在这个问题：
choose-one = 抱歉，我没听懂。请选择下面的一个回答，或输入它的编号。
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least = 请至少选择 { $min } 项，然后选择“完成”。
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long = 内容有点长。请少于 { $max } 个字。
please-type = 请输入回答，或选择下面的一个回答。
content-changed = 抱歉，自从我们上次交谈后，这项服务已经更新，所以需要重新开始。
conversation-over = 我们已经完成了。如果想提出新的请求，请输入“重新开始”。
unreadable-input = 抱歉，我无法读取这条信息。请重新输入。
# Variables:
#   $name, $organisation, $description, $contact, $why (String)
service-line =
    { $name }（{ $organisation }）
    { $description }
    { $opening }
    { $contact }
    { $why }
# Variables:
#   $label (String), $value (String)
summary-line = { $label }：{ $value }
summary-not-given = 未提供
keywords-back = 返回, 上一步
keywords-restart = 重新开始, 从头开始
keywords-help = 帮助

## Crisis

crisis-help =
    听起来您现在真的很难受。您不必独自面对。
    如果您现在有危险，请拨打 999。
    如需紧急心理健康帮助，请拨打 NHS 111 并选择 2，全天 24 小时。
    Samaritans 随时愿意倾听：请拨打 116 123，免费。
    或者发送短信 SHOUT 到 85258，获得免费、保密的短信支持。
crisis-resume = 等您准备好，我们可以继续。如果您提交请求，社会处方顾问会优先处理。
crisis-danger =
    如果您现在有危险，请拨打 999。如果不方便安全说话，请用手机拨打 999，听提示，被询问时按 55：他们会知道您需要帮助。
    全国家庭暴力求助热线（National Domestic Abuse Helpline），免费，全天 24 小时：0808 2000 247。
    如果有人逼您结婚，或以家族"名誉"威胁您：Karma Nirvana，0800 5999 247。
    如果有孩子正在受到伤害：请拨打 999，或拨打 NSPCC 0808 800 5000。
    这不是您的错，您不必独自面对。
crisis-ask-self = 我想直接问您，因为这很重要：您有结束自己生命的想法吗？
crisis-ask-danger = 我想确认您是安全的：您是否害怕有人会伤害您，或者您现在有危险吗？
crisis-ask-yes = 是
    .aliases = 是, 是的, 对, 有
crisis-ask-no = 否
    .aliases = 否, 不, 没有, 不是
crisis-ask-thanks = 谢谢您告诉我。如果情况有变化，或者您感到不安全，请拨打 999，或免费拨打 Samaritans 116 123，全天 24 小时。
crisis-ask-again = 请回答"是"或"否"，这样我才知道怎样最好地帮助您。

## The self-referral

referral-welcome =
    您好，欢迎。我可以把您的请求转给陶尔哈姆莱茨（Tower Hamlets）的社会处方团队。
    社会处方顾问会倾听您的情况，然后帮您找到附近的支持：情绪低落或孤独、钱、住房、工作、照顾家人、运动等等。完全免费。
    您随时可以输入“返回”、“重新开始”或“帮助”。
referral-privacy =
    首先，说明我们如何保护您告诉我们的内容：
    我们会安全地保存您的回答。只有社会处方团队能看到，以便联系您。不再需要时我们会删除。您随时可以要求查看或删除。
    您同意我们为此保存您的回答吗？
referral-privacy-yes = 同意
    .aliases = 同意, 好, 可以, 是
referral-privacy-no = 不同意，只看服务
    .aliases = 不同意, 不, 只看服务
referral-anon-needs = 没关系。我们不会保存任何关于您的信息。您需要哪方面的帮助？可以多选，然后选择“完成”。
referral-needs = 目前有什么在影响您？可以多选，然后选择“完成”。
referral-needs-done = 完成
    .aliases = 完成, 好了, 就这些
need-mental = 情绪低落或焦虑
    .aliases = 焦虑, 抑郁, 难过, 心情, 压力, 担心
need-physical = 健康与运动
    .aliases = 健康, 运动, 身体, 锻炼
need-money = 钱和债务
    .aliases = 钱, 债务, 欠债, 账单, 经济
need-housing = 住房
    .aliases = 住房, 房子, 房租, 住的地方
need-work = 工作和培训
    .aliases = 工作, 培训, 找工作, 就业
need-caring = 照顾他人
    .aliases = 照顾, 照料
need-lonely = 孤独
    .aliases = 孤独, 寂寞, 一个人, 孤单
need-food = 食物
    .aliases = 食物, 吃的, 吃饭, 饿
need-other = 其他
    .aliases = 其他, 别的
referral-story = 您想再多告诉我们一些吗？写多写少都可以。
referral-story-skip = 不用了，谢谢
    .aliases = 不用, 不用了, 没有, 不了
referral-name = 我们该怎么称呼您？
referral-name-invalid = 请用文字输入名字。
referral-dob = 您的出生日期是？例如：25/12/1970。您的家庭医生诊所（GP）用它查找您的记录。
referral-dob-skip = 我不想说
    .aliases = 不想说, 不说
referral-dob-invalid = 抱歉，我看不懂这个日期。请按 日/月/年 输入，例如 25/12/1970。
referral-gp = 您在哪家家庭医生诊所（GP）注册？
referral-gp-skip = 我不知道
    .aliases = 不知道, 不清楚
referral-contact = 我们怎样联系您？
referral-contact-phone = 给我打电话
    .aliases = 电话, 打电话
referral-contact-message = 在这里发消息
    .aliases = 消息, 留言, 这里
referral-phone = 我们应该拨打哪个号码？例如：07700 900123。
referral-phone-invalid = 这看起来不像英国的电话号码。请这样输入：07700 900123 或 020 7946 0000。
referral-best-time = 什么时候给您打电话最好？
referral-time-morning = 上午（9 点到 12 点）
    .aliases = 上午, 早上
referral-time-afternoon = 下午（12 点到 5 点）
    .aliases = 下午
referral-time-any = 任何时间
    .aliases = 随时, 都可以, 任何时间
referral-postcode = 您的邮编是什么？这能帮我们找到您附近的服务。
referral-postcode-skip = 我不知道
    .aliases = 不知道, 不清楚
referral-postcode-invalid = 抱歉，这看起来不像英国邮编。请这样输入：E1 6AN。
referral-interpreter = 我们联系您时，您需要翻译吗？
interpreter-none = 不需要，谢谢
    .aliases = 不需要, 不用
interpreter-bn = 孟加拉语
    .aliases = 孟加拉语
interpreter-syl = 锡尔赫特语
    .aliases = 锡尔赫特语
interpreter-so = 索马里语
    .aliases = 索马里语
interpreter-ur = 乌尔都语
    .aliases = 乌尔都语
interpreter-ar = 阿拉伯语
    .aliases = 阿拉伯语
interpreter-pl = 波兰语
    .aliases = 波兰语
interpreter-zh = 中文
    .aliases = 中文, 普通话, 粤语, 汉语
interpreter-tr = 土耳其语
    .aliases = 土耳其语
interpreter-other = 其他语言
    .aliases = 其他语言
referral-summary = 这是您告诉我们的内容。对吗？
referral-summary-confirm = 对，发送
    .aliases = 是, 对, 是的, 对的, 发送, 确认, 好
referral-summary-change = 修改内容
    .aliases = 不, 不对, 修改, 改
referral-summary-pick = 您想修改哪一项？
field-needs = 需要帮助
field-story = 您的原话
field-name = 名字
field-dob = 出生日期
field-gp = 家庭医生诊所
field-contact = 联系方式
field-phone = 电话
field-best-time = 最佳时间
field-postcode = 邮编
field-interpreter = 翻译
# Variables:
#   $count (Number) - how many services follow
referral-services = 这里有 { $count } 个可能有帮助的本地服务：
referral-services-none = 目前没有找到合适的服务。社会处方顾问了解更多服务，可以帮您找到合适的。
# Variables:
#   $name (String), $reference (String)
referral-queued = 谢谢您，{ $name }。您的请求已转给社会处方团队。您的编号是 { $reference }。社会处方顾问通常会在 3 个工作日内联系您。
referral-goodbye = 请保重。如果您急需找人倾诉，请拨打 NHS 111 并选择 2，或拨打 Samaritans 的 116 123。
referral-anon-goodbye = 请保重。如果您希望社会处方顾问联系您，随时可以回来。

## Telegram

group-chat = 为了保护您的隐私，我只能在私聊中提供帮助。请点我的名字，然后点“Send message”。
not-text = 我只能读取文字消息。请输入您的回答，或按一个按钮。
command-start = 开始或继续您的请求
command-language = 更换语言
command-back = 回到上一个问题
command-restart = 从头开始
command-help = 我能做什么
command-mydata = 查看我们保存的关于您的信息
command-forget = 删除我们保存的关于您的信息

## Coming back with a callback waiting

waiting-intro = 欢迎回来。您的请求 { $reference } 已在社会处方团队那里，会有人联系您。您想做什么？
waiting-message = 给他们留言
    .aliases = 留言
waiting-cancel = 取消我的请求
    .aliases = 取消
waiting-new = 提出新的请求
    .aliases = 新的, 新请求
waiting-message-ask = 请输入给社会处方顾问的留言。
waiting-message-saved = 谢谢。您的留言已附在请求 { $reference } 上。
waiting-cancelled = 您的请求 { $reference } 已取消。您随时可以回来。
callback-claimed = 好消息：一位社会处方顾问正在处理您的请求 { $reference }，很快会联系您。

## Why a service was suggested

services-no-postcode = 没有邮编，我无法查找您附近的服务，所以这里列出全区的服务，以及电话或网上服务。
reason-near = 在您附近（{ $district }）
reason-borough = 陶尔哈姆莱茨全区
reason-anywhere = 电话或网上
reason-language = 会说您的语言
reason-free = 免费

## 您的信息：/mydata 和 /forget

mydata-intro = 以下是我们保存的关于您的全部信息。只有您能看到这个对话。
mydata-nothing = 我们没有保存任何关于您的信息：没有回答，也没有请求。
mydata-conversation = 您目前的回答：
mydata-referral = 您的请求 { $reference }（{ $date } 提交）：{ $status ->
        [open] 正在等待社会处方顾问。
        [claimed] 社会处方顾问正在处理。
       *[closed] 已关闭。
    }
mydata-consent = 您于 { $date } 同意了我们的隐私声明（版本 { $version }）。
mydata-services = 我们建议的服务：{ $services }
mydata-your-message = 您 { $date } 的留言：{ $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = { $date } 我们向您提供求助方式时，您写道：{ $text }
mydata-team-notes = 团队为您的请求写了 { $count } 条记录。如需副本，请向他们索取。
mydata-outcome = 结果：{ $outcome }
mydata-footer = 如要删除以上全部信息，请发送 /forget。
forget-confirm = 这会删除您的回答以及仍在等待中的请求，之后不会有人为此给您回电。确定吗？
forget-yes = 是的，删除
    .aliases = 是, 是的, 删除
forget-no = 不，保留
    .aliases = 不, 保留, 不要
forget-done = 已完成：我们已删除保存的关于您的信息。我们只保留一条"已删除"的记录，其中没有任何关于您的内容。您随时可以发送 /start 重新开始。
forget-kept = 没有删除任何内容。
slow-down = 您发消息太快了，所以我跳过了一些。请稍等片刻再继续。
store-failed = 抱歉，我们这边出了问题，没能保存。请过几分钟再试。
