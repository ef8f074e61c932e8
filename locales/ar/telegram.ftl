# signpost: Arabic (ar), for Telegram: the bot's profile, and sharing a phone number.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = اطلب المساعدة بلغتك في الوحدة أو المال أو السكن أو العمل أو رعاية شخص ما. سيتصل بك أحد أعضاء الفريق.
bot-description = يساعد فريق الوصفة الاجتماعية في أمور تؤثر على صحتك لكنها ليست طبية: الشعور بالوحدة، أو هموم المال، أو السكن، أو العمل، أو رعاية شخص ما، أو إيجاد رياضة بسعر مناسب. أجب هنا عن بعض الأسئلة بلغتك، وسيتصل بك أحد أعضاء الفريق. نطلب موافقتك قبل الاحتفاظ بأي شيء، ويمكنك في أي وقت رؤية ما نحتفظ به أو حذفه عبر /mydata و /forget. إذا كنت في خطر الآن، اتصل بالرقم 999.

## The phone question: a button under the typing box shares the person's own number.

share-phone = مشاركة رقم هاتفي
contact-not-yours = جهة الاتصال هذه لشخص آخر. من فضلك اكتب رقم هاتفك أنت، أو اضغط على "مشاركة رقم هاتفي".
