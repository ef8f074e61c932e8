# signpost: Simplified Chinese (zh-Hans). The GP practice question.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

practice-offer = 是其中一家吗？如果不是，请选择“不在列表中”，我们会保留您输入的内容；也可以重新输入。
practice-not-listed = 不在列表中
practice-not-found = 我们的诊所列表中没有找到“{ $typed }”，所以按您输入的内容记下了。
practice-from-link = 根据您使用的链接，您的家庭医生诊所是 { $practice }。提交请求前您可以更改。
