# signpost: Bengali (bn). The GP practice question.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

practice-offer = এগুলোর মধ্যে কোনটি? না থাকলে "তালিকায় নেই" বেছে নিন, আমরা আপনার লেখাটাই রাখব; অথবা আবার লিখুন।
practice-not-listed = তালিকায় নেই
practice-not-found = আমাদের সার্জারির তালিকায় "{ $typed }" খুঁজে পাইনি, তাই আপনি যেভাবে লিখেছেন সেভাবেই রেখেছি।
practice-from-link = আপনার ব্যবহার করা লিংক থেকে আপনার জিপি সার্জারি: { $practice }। অনুরোধ পাঠানোর আগে আপনি এটি বদলাতে পারবেন।
