# signpost: Urdu (ur), for Telegram: the bot's profile, and sharing a phone number.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = تنہائی، پیسے، رہائش، کام یا کسی کی دیکھ بھال کے بارے میں اپنی زبان میں مدد مانگیں۔ ٹیم کا کوئی رکن آپ کو فون کرے گا۔
bot-description = سوشل پریسکرائبر ان باتوں میں مدد کرتے ہیں جو آپ کی صحت پر اثر ڈالتی ہیں مگر طبی نہیں ہیں: تنہائی، پیسوں کی فکر، رہائش، کام، کسی کی دیکھ بھال، یا سستی ورزش ڈھونڈنا۔ یہاں اپنی زبان میں چند سوالوں کے جواب دیں، اور ٹیم کا کوئی رکن آپ کو واپس فون کرے گا۔ کچھ بھی رکھنے سے پہلے ہم آپ سے پوچھتے ہیں، اور آپ /mydata اور /forget سے کسی بھی وقت دیکھ یا مٹا سکتے ہیں کہ ہمارے پاس کیا ہے۔ اگر آپ ابھی خطرے میں ہیں تو 999 پر فون کریں۔

## The phone question: a button under the typing box shares the person's own number.

share-phone = میرا فون نمبر بھیجیں
contact-not-yours = یہ کسی اور کا رابطہ ہے۔ براہِ کرم اپنا فون نمبر لکھیں، یا "میرا فون نمبر بھیجیں" دبائیں۔
