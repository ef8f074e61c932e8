# signpost: Urdu (ur), written right to left. The GP practice question.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

practice-offer = کیا یہ ان میں سے کوئی ہے؟ اگر نہیں، تو "فہرست میں نہیں" چنیں، ہم آپ کا لکھا ہوا رکھ لیں گے، یا دوبارہ لکھیں۔
practice-not-listed = فہرست میں نہیں
practice-not-found = ہمیں اپنی سرجریوں کی فہرست میں "{ $typed }" نہیں ملا، اس لیے ہم نے اسے ویسے ہی رکھ لیا ہے جیسے آپ نے لکھا۔
practice-from-link = آپ کے استعمال کردہ لنک کے مطابق آپ کی جی پی سرجری { $practice } ہے۔ درخواست بھیجنے سے پہلے آپ اسے بدل سکتے ہیں۔
