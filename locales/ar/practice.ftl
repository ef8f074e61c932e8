# signpost: Arabic (ar), written right to left. The GP practice question.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

practice-offer = هل هي إحدى هذه العيادات؟ إن لم تكن، اختر "غير موجودة في القائمة" وسنحتفظ بما كتبته، أو اكتب الاسم مرة أخرى.
practice-not-listed = غير موجودة في القائمة
practice-not-found = لم نجد "{ $typed }" في قائمة العيادات لدينا، لذلك سجّلناه كما كتبته.
practice-from-link = عيادة الطبيب العام الخاصة بك هي { $practice }، من الرابط الذي استخدمته. يمكنك تغييرها قبل إرسال طلبك.
