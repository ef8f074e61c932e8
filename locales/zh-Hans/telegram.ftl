# signpost: Simplified Chinese (zh-Hans), for Telegram: the bot's profile, and sharing a phone number.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = 用您的语言，就孤独、金钱、住房、工作或照顾他人等问题寻求支持。团队成员会给您回电。
bot-description = 社会处方团队帮助解决影响健康但不属于医疗的问题：孤独、金钱烦恼、住房、工作、照顾他人，或寻找实惠的运动方式。在这里用您的语言回答几个问题，团队成员会给您回电。保存任何信息之前我们都会先征得您的同意；您也可以随时用 /mydata 查看、用 /forget 删除我们保存的信息。如果您现在有危险，请拨打 999。

## The phone question: a button under the typing box shares the person's own number.

share-phone = 分享我的电话号码
contact-not-yours = 这是别人的联系人。请输入您自己的电话号码，或点按“分享我的电话号码”。
