# ruff: noqa: E501  (pattern and data tables: one entry per line reads better than wrapped fragments)
"""Hand-written prompt-injection and jailbreak patterns (English + Japanese).

The patterns see a prepared view of the text: NFKC, lower-case, whitespace collapsed, letter-spacing and
leetspeak undone. Each names a category so a block can say *why* without echoing the content. Benign
look-alikes ("skip a flaky test", 「さっきの条件は取り消して」) are excluded by requiring the object of the verb to be
an instruction/prompt/rule, not a test, an e-mail or a condition.
"""

from __future__ import annotations

import hashlib
import re

from aikojo.guardrails.obfuscation import fold_view

_OBJ_EN = (
    r"(?:instructions?|prompts?|rules?|directives?|guidelines?|guardrails?|constraints?|restrictions?|"
    r"polic(?:y|ies)|programming|safety|filters?|system ?messages?|orders|commands|training|guidance|limitations?)"
)
_MOD_EN = r"(?:(?:all|any|every|the|your|my|of|previous|prior|above|earlier|preceding|initial|original|system|safety|" \
    r"existing|former|old|current|given|these|those|that|this|developer|openai|default|content|built-in)\s+){0,5}"
_OBJ_JA = r"(?:指示|命令|ルール|設定|制約|制限|プロンプト|ガイドライン|指令|規則|ポリシー|方針|前提|役割|禁止事項|セーフティ|安全(?:対策|機能|装置))"

PATTERNS: list[tuple[str, float, re.Pattern[str]]] = [
    # --- instruction override
    ("override", 0.95, re.compile(
        rf"\b(?:ignore|disregard|forget|override|bypass|abandon|discard|neglect|cancel|void|drop|erase|delete|"
        rf"throw away|set aside|pay no attention to)\s+(?:about\s+)?(?:{_MOD_EN}{_OBJ_EN}|everything (?:above|before)|"
        rf"(?:what|everything) (?:the developers?|your creators?|they|you were) (?:told|gave|taught) you)")),
    ("override", 0.9, re.compile(
        rf"\b{_OBJ_EN}\s+(?:(?:you were given|you follow|you have|above|of the system)\s+)?(?:no longer|don't|do not|"
        rf"doesn't|does not) apply")),
    ("override", 0.9, re.compile(
        rf"\b(?:do not|don't|no longer|stop|must not|mustn't|never|no need to|need not)\s+(?:follow|obey|"
        rf"adhere to|comply with|listen to)\s+{_MOD_EN}{_OBJ_EN}")),
    ("override", 0.9, re.compile(r"\b(?:new|updated|real|actual|true|revised) (?:system )?(?:instructions?|rules|orders)\s*[:：]")),
    ("override", 0.85, re.compile(r"\bfrom now on,? (?:you (?:are|will|must|shall)|ignore|respond|act|answer)")),
    ("override", 0.95, re.compile(
        rf"(?:以前|前|上記|上|先ほど(?:まで)?|さっき(?:まで)?|先|これまで|今まで|最初|元|既存|システム|全て|すべて|あらゆる|一切|"
        rf"与えられた|従来|初期|事前)の?"
        rf"{_OBJ_JA}(?:や{_OBJ_JA})?(?:を|は|も|など)?(?:全て|すべて|一旦|いったん|一切|完全に)?"
        rf"(?:無視|忘れ|破棄|リセット|解除|無効|上書き|撤回|なかったこと|無かったこと|捨て|従わ)")),
    ("override", 0.9, re.compile(rf"{_OBJ_JA}(?:を|は)?(?:全て|すべて|一切)?(?:無視|無効化|解除)(?:して|しろ|せよ|してください|すること)")),
    ("override", 0.85, re.compile(r"(?:新しい|本当の|真の|更新された)(?:指示|命令|ルール)\s*[:：は]")),
    ("override", 0.9, re.compile(rf"{_OBJ_JA}(?:に|には)(?:従わなくて(?:いい|よい|も)|従う必要は(?:ない|ありません)|縛られ(?:ず|なくて))")),
    ("override", 0.85, re.compile(
        r"(?:利用規約|ルール|制限|制約|倫理|ポリシー|検閲)が(?:なかったら|無かったら|なければ|無ければ)|"
        r"\bif you (?:had|have) no (?:content policy|rules|restrictions|filters|guidelines|limits)")),
    ("override", 0.85, re.compile(r"(?:今後|これから|以降|今から)は?.{0,20}(?:制限|制約|ルール|フィルター|検閲)(?:なし|無し|のない|を外|を解除|に縛られ)")),
    # --- fake system / role tags smuggled into user content
    ("role_tag", 0.9, re.compile(r"<\|?(?:im_start|im_end|system|endoftext|start_header_id)\|?>|<<sys>>|\[/?inst\]|\[system\]")),
    ("role_tag", 0.75, re.compile(r"(?:^|\n)\s*(?:#{1,3}\s*)?(?:system|システム)\s*(?:prompt|message|メッセージ|プロンプト)?\s*[:：]")),
    ("role_tag", 0.9, re.compile(
        r"(?:system|システム)\s*[:：].{0,40}(?:policy|polic(?:y|ies)|restrictions?|rules|ポリシー|制限|制約|ルール|指示)"
        r".{0,20}(?:removed|disabled|lifted|off|削除|解除|無効|停止)")),
    # --- system prompt extraction
    ("extraction", 0.95, re.compile(
        r"\b(?:reveal|show|print|repeat|output|display|leak|tell|give|write|dump|recite|spell)\s+(?:me\s+)?(?:out\s+)?"
        r"(?:your|the|all|its)\s+(?:full\s+|entire\s+|exact\s+|complete\s+|original\s+|hidden\s+|secret\s+|initial\s+|"
        r"internal\s+|system\s+|confidential\s+)*(?:system prompt|prompt|instructions|initial prompt|system message|rules you were given|configuration|pre-?prompt)")),
    ("extraction", 0.9, re.compile(r"\bwhat (?:is|are|were) (?:your|the) (?:system prompt|(?:initial|original|hidden|secret) (?:instructions|prompt))")),
    ("extraction", 0.85, re.compile(r"\b(?:first|initial|earliest) (?:words|lines|message|text|sentences?)\b.{0,30}\b(?:context|prompt|conversation|window)")),
    ("extraction", 0.9, re.compile(r"\b(?:repeat|print|output) (?:everything|all|the (?:text|words)) (?:above|before this)|\bverbatim\b.{0,40}\b(?:above|instructions|prompt)")),
    ("extraction", 0.95, re.compile(
        r"(?:システムプロンプト|初期(?:の)?(?:指示|プロンプト|設定)|隠され(?:た|ている)(?:指示|プロンプト)|内部(?:の)?(?:指示|ルール|設定|プロンプト)|"
        r"あなた(?:への|に与えられた)(?:指示|命令|プロンプト)|最初に(?:与えられた|受け取った)(?:指示|命令|文章))"
        # A procedure in between asks how to do the setup, not for the setup text: 「システムの初期設定の手順を教えて」.
        r"(?:(?!手順|方法|やり方|仕方|手続|流れ|戻し方|変え方|変更|リセット).){0,16}"
        r"(?:教えて|表示|出力|見せて|開示|繰り返|そのまま|書き出|全文|漏ら|明かし|付け加え|含め|記載|添え)")),
    ("extraction", 0.9, re.compile(r"(?:上記|この上|これより前)の(?:文章|テキスト|内容|指示)を?(?:全て|すべて)?(?:そのまま|一字一句)?(?:繰り返|出力|表示)")),
    # --- role-play jailbreaks
    # Bare "jailbreak"/脱獄 is left to the model: people ask *about* jailbreaks; these forms perform one.
    ("jailbreak", 0.95, re.compile(
        r"\bdo anything now\b|\b(?:you are|you're|are now|be) (?:now )?jailbroken\b|\bjailbreak(?:ed)? mode\b|"
        r"\bthis is a jailbreak\b|脱獄(?:モード|プロンプトです|しました|した(?:状態|AI))|ジェイルブレイク(?:モード|しました)|"
        # DAN ("Do Anything Now"), the best-known jailbreak persona, by name — not Dan from accounting.
        r"\bdan ?(?:mode|モード|プロンプト)|\b(?:you are|you're|act as|activate|enable|become|switch to)\s+(?:the\s+)?dan\b"
        r"(?!\s+(?:from|in|at|of|with)\b)|danとして|danになりきって")),
    ("jailbreak", 0.9, re.compile(
        r"\b(?:act|pretend|roleplay|role-play|behave)\s+(?:to be\s+|as\s+|like\s+)(?:an?\s+)?(?:\w+\s+){0,2}"
        r"(?:unfiltered|unrestricted|uncensored|evil|amoral|unethical|rogue|jailbroken)")),
    ("jailbreak", 0.9, re.compile(r"\byou are (?:now )?(?:an? )?(?:unfiltered|unrestricted|uncensored|amoral|evil|jailbroken|free from)")),
    ("jailbreak", 0.9, re.compile(r"\b(?:without|with no|free of|no) (?:any )?(?:ethical|moral|content|safety)? ?(?:restrictions|limitations|filters|censorship|guidelines|rules)\b.{0,40}\b(?:answer|respond|reply|tell|explain)|\b(?:answer|respond|reply)\b.{0,40}\bwithout (?:any )?(?:restrictions|filters|censorship|refus)")),
    ("jailbreak", 0.85, re.compile(r"\b(?:grandma|grandmother|granny)\b.{0,80}\b(?:used to|would|always)\b.{0,40}\b(?:tell|read|recite|explain|say)")),
    ("jailbreak", 0.9, re.compile(r"(?:祖母|おばあちゃん|ばあちゃん|お婆ちゃん).{0,40}(?:いつも|よく|寝る前).{0,40}(?:教えて|話して|聞かせて|読んで)")),
    ("jailbreak", 0.9, re.compile(r"(?:制限|制約|フィルター|検閲|倫理(?:的な)?(?:制約|規則|観点))(?:を|は|の)?(?:一切)?(?:無視|解除|外し|なし|無し|のない|気にせず|を持たない)")),
    ("jailbreak", 0.85, re.compile(r"(?:として|になりきって).{0,20}(?:何でも|なんでも|制限なく|拒否せず|断らず)")),
    ("jailbreak", 0.9, re.compile(r"\b(?:never|must not|don't|do not) (?:refuse|decline|say (?:no|you can't))\b")),
    # --- developer / maintenance mode claims
    ("dev_mode", 0.9, re.compile(
        r"\b(?:developer|dev|maintenance|debug|god|admin|sudo|root|test|diagnostic|unrestricted)\s+mode\b.{0,30}"
        r"\b(?:enabled|activated|on|engaged|unlocked|enable|activate)\b|\b(?:enable|activate|enter|switch to)\s+"
        r"(?:developer|dev|maintenance|debug|god|admin|sudo|unrestricted)\s+mode")),
    ("dev_mode", 0.9, re.compile(r"(?:開発者|デベロッパー|メンテナンス|デバッグ|管理者|神|保守|無制限)モード.{0,12}(?:有効|起動|オン|移行|切り替|入り|に入|解放|です|である)")),
    ("dev_mode", 0.85, re.compile(r"\bi am (?:your|the|an?) (?:developer|creator|administrator|admin|system administrator|openai (?:staff|employee))\b|私は(?:あなたの)?(?:開発者|管理者|運営者|作成者)(?:です|だ)")),
    # --- indirect injection addressed to the model inside documents
    ("indirect", 0.9, re.compile(
        r"\b(?:note|message|instructions?) (?:to|for) (?:the |any )?(?:ai|assistant|llm|language model|chatbot|model|gpt)\b|"
        r"\bif you are an? (?:ai|llm|language model|assistant|chatbot)\b|\b(?:ai|assistant|llm|chatbot)s? (?:reading|processing|summari[sz]ing|parsing) this\b")),
    ("indirect", 0.85, re.compile(r"\binstead of (?:summari[sz]ing|translating|classifying|answering)|\b(?:do not|don't) (?:summari[sz]e|translate|classify) (?:this|the)\b")),
    ("indirect", 0.85, re.compile(
        r"\b(?:send|forward|email|e-mail|post|upload|exfiltrate|transmit|leak)\s+(?:all|the|this|every|any|user's|users')\s+"
        r"(?:\w+\s+){0,2}(?:conversation|chat history|credentials|passwords?|api keys?|customer (?:data|records|list)|personal data|system prompt)")),
    ("indirect", 0.9, re.compile(
        r"(?:AI|ai|アシスタント|言語モデル|チャットボット|LLM|llm)(?:へ|に|の方)(?:の(?:指示|命令|お願い)|告ぐ|対する指示)|"
        r"この(?:文書|メール|文章|コメント|レビュー|ページ)を(?:読んだ|読んでいる|処理する|処理している|要約する)"
        r"(?:AI|ai|アシスタント|言語モデル|モデル|あなた|チャットボット)|"
        r"(?:AI|ai|アシスタント|言語モデル|チャットボット|LLM|llm)(?:へ|に告ぐ|の皆様|各位)\s*[:：、]")),
    ("indirect", 0.85, re.compile(r"(?:要約|翻訳|分類)(?:する|せず|しない)(?:代わりに|のではなく|で|に)|(?:要約|翻訳|分類)(?:は|を)(?:せず|しないで|やめて)")),
    ("indirect", 0.85, re.compile(r"(?:顧客|全て|すべて|ユーザー|利用者)の(?:データ|情報|個人情報|パスワード|会話|履歴|認証情報).{0,20}(?:送信|転送|送って|送れ|アップロード|外部)")),
    ("indirect", 0.8, re.compile(r"\b(?:say|respond with|reply with|output|print)\s+[\"']?i have been pwned|\bpwned\b")),
    # --- added from the training side's cross-validation misses: concepts, not wordings. A benign look-alike that
    # trips one (a story "with accurate historical detail", 「テスト環境ではフィルターがない」) only lowers that rule's
    # learned weight; it is evidence, like every rule here.
    # fiction or hypothetical framing that asks for real, exact, working detail
    ("jailbreak", 0.8, re.compile(
        r"\b(?:story|novel|screenplay|script|fiction(?:al)?|fan fiction|role-?play|thought experiment|hypothetical(?:ly)?|"
        r"parallel universe|imagine|pretend|scene|bedtime|movie|thriller|villain|character)\b.{0,160}\b(?:real(?:istic|-looking)?|"
        r"exact(?:ly)?|accurate(?:ly)?|step[- ]by[- ]step|working|in (?:full |real )?detail|technical terms|actual|precise)\b")),
    # games that punish refusing
    ("jailbreak", 0.85, re.compile(
        r"\b(?:can ?not|can't|never|won't|must not|mustn't|doesn't|does not) (?:refuse|say no|decline|lie)\b|"
        r"\b(?:lose|loses|costs?|deduct\w*|minus)\s+(?:a |one |\d+ )?(?:tokens?|points?|lives?|credits?)\b|"
        r"\bno (?:refusals|warnings|disclaimers)\b")),
    ("jailbreak", 0.8, re.compile(
        r"(?:小説|物語|フィクション|脚本|映画|ロールプレイ|なりきって|役で|役を|仮定の話|思考実験|ゲーム|お話|ドラマ|"
        r"シナリオ|キャラ).{0,60}(?:本物|具体的|リアル|正確|手順|省略なし|詳しく|実際の|本格的)")),
    ("jailbreak", 0.85, re.compile(r"断る(?:たび|ごと)に|拒否(?:も|は)?(?:でき(?:ない|ません)|しない|禁止)|絶対(?:に)?断らない|(?:ポイント|点)(?:が|を)?減")),
    # claims that safety is switched off, and claimed privileges
    ("dev_mode", 0.8, re.compile(
        r"\b(?:safety|content|compliance|moderation|policy|policies|guardrails?|filters?|filtering|refusals?|rules|"
        r"checks|restrictions)\b.{0,40}\b(?:off|disabled|paused|suspended|mocked(?: out)?|bypassed|whitelisted|"
        r"do(?:es)? not apply|removed|switched off|turned off|lifted|skipped|=\s*false)\b|"
        r"\b(?:skip|disable|bypass|turn off|switch off)\s+(?:all\s+)?(?:the\s+|your\s+)?(?:policy|safety|content|"
        r"compliance|moderation)\s+(?:checks?|filters?|layers?)")),
    ("dev_mode", 0.8, re.compile(
        r"\b(?:god|service|privileged|raw completion|uncensored)\s+mode\b|\bbreak[- ]glass\b|"
        r"\belevate (?:this|my) (?:session|access|privileges)|\badmin(?:istrator)? (?:privileges|access|override)\b")),
    ("dev_mode", 0.8, re.compile(
        r"(?:安全|セーフティ|ガードレール|フィルター|フィルタ|モデレーション|コンプライアンス|拒否|ルール|検閲|制限)"
        r"(?:機能|チェック|レイヤー|モジュール|サービス|ラッパー)?\s*(?:=|＝|は|を|が)?\s*"
        r"(?:オフ|停止|無効|一時停止|外し|外す|切る|切って|迂回|モック|削除|通さない|ない(?:ので|から))")),
    ("dev_mode", 0.8, re.compile(r"(?:ゴッド|特権|無検閲|無修正|サービス|保守)モード|ブレークグラス|特権(?:アクセス|：オン|:オン)|オーバーライド(?:キー)?を?(?:受理|適用)")),
    # an automated reader addressed by its role, then told to act (instructions planted in documents)
    ("indirect", 0.8, re.compile(
        r"\b(?:ai|llm|bot|chatbot|assistants?|agents?|copilot|summari[sz]er|processors?|tools?|system|minute-taker|"
        r"reviewers?)\b[^.\n]{0,30}?(?:[:,—–]|\bonly\b)\s*(?:please |kindly |also |then )?(?:accept|approve|set|change|"
        r"delete|reroute|call|send|e-?mail|forward|add|state|describe|rate|skip|drop|reply|tell|share|include|insert|"
        r"look up|disable|silently|mark|classify|ignore|visit|post|update|write|give)\b")),
    ("indirect", 0.8, re.compile(
        r"(?:ai|アシスタント|ボット|エージェント|copilot|システム|書記|係)(?:さん|様|の方)?(?:へ|に告ぐ|専用)"
        r"(?:[:：、，─—]|の)|(?:ai|ボット|システム|アシスタント)(?:で|が)?(?:集計|処理|要約|管理|審査|査定|分析|仕分け)"
        r"(?:して)?(?:いる|する)(?:場合|なら|システム|ai|方)")),
    # an automated reader named by what it does to this document or by being automated ("the AI summarising this
    # report", 「本メールを要約するAIは」, "note for automated assistants", "triage bot:"), the shape of instructions
    # planted in e-mails, contracts, FAQs and tables for the model that will read them. A user's own "when you
    # summarise this, include…" or 「このレポートを要約するツールは？」 is not that, so neither is matched.
    ("indirect", 0.8, re.compile(
        r"\b(?:note|message|instructions?|rules?|notice|memo|guidance|reminder)\s+(?:to|for)\s+(?:all\s+|any\s+)?"
        r"(?:(?:automated|automatic)\s+(?:assistants?|summari[sz]ers?|readers?|reviewers?|tools?|systems?|agents?|"
        r"models?|processors?|bots?)|ai|llms?|gpt|ai-\w+\s+(?:[\w-]+\s+)?(?:tools?|assistants?|reviewers?|systems?))\b|"
        r"\b(?:summari[sz]er|summari[sz]ing|classifier|triage|digest|credit|underwriting|review)\s+"
        r"(?:bot|assistant|ai|model|agent)s?\s*[:,]")),
    ("indirect", 0.8, re.compile(
        r"(?:本|この|当|上記の?|以下の?|次の)[^\s。、]{0,10}を(?:読む|読んだ|読んでいる|読み込む|処理する|要約する|翻訳する|"
        r"分類する|審査する|評価する|参照する|レビューする|解析する|分析する|チェックする)(?:生成)?(?:ai|アシスタント|言語モデル|"
        r"llm|ボット|エージェント)(?:は|へ|に|の方|様|さん|各位)|(?:ai|llm)による自動(?:分類|処理|要約|審査|応答)(?:処理)?へ|"
        r"自動(?:応答|要約|分類|審査|処理)(?:システム|ツール|ai|エンジン)(?:向け|へ)(?:[:：、】\]]|の(?:指示|処理規則|ルール|命令))|"
        r"(?:もし)?あなたが(?:ai|言語モデル|llm|チャットボット|アシスタント)(?:で|として)[^。]{0,40}(?:なら|であれば|場合)")),
    # the assistant's own setup text asked for, in any wording or encoding
    ("extraction", 0.8, re.compile(
        r"\b(?:setup|set-up|startup|start-up|pre-conversation|underlying|hidden|default|confidential|system|initial|"
        r"original|deployer's|operator's)\s+(?:text|message|prompt|instructions|briefing|note|configuration|rules|"
        r"guidelines)\b.{0,60}\b(?:paste|send|quote|reproduce|recite|dump|summari[sz]e|rewrite|translate|type|"
        r"display|show|give|put|fill|spell|encode|verbatim|word for word|back)\b|\b(?:paste|send|quote|reproduce|recite|"
        r"dump|summari[sz]e|rewrite|translate|type|display|show|put|encode)\b.{0,40}\b(?:setup|startup|"
        r"pre-conversation|underlying|hidden|default|confidential|system|initial|original|configuration)\s+(?:text|"
        r"message|prompt|instructions|briefing|note|rules)\b")),
    ("extraction", 0.8, re.compile(
        r"(?:セットアップ|初期設定|初期化|設定文|前置き|ブリーフィング|起動時|隠し|事前に仕込|取扱指針|内部ガイダンス|"
        r"初期指示|最初の指示|システム側)[^。]{0,24}(?:見せ|出し|出力|返し|貼り付け|送り返|引用|読み上げ|復唱|書き直|"
        r"要約|訳し|コピー|JSON|そのまま|原文|漏ら)")),
    # a harmful objective named outright (the payload most role-play jailbreaks carry); fraud-prevention questions
    # name them too, so this is weak evidence on its own
    ("jailbreak", 0.7, re.compile(
        r"\b(?:launder\w*|money laundering|forge[ds]?|forging|counterfeit|phishing (?:e-?mail|message|page|site|script)|"
        r"ransomware|malware|napalm|nerve agent|methamphetamine|skim(?:ming)?|brute-?force|stolen card|falsify|fabricate|"
        r"evade (?:sanctions|aml|kyc|detection|screening)|without (?:kyc|being detected|getting caught)|undetected|"
        r"mule accounts?|fake (?:claims?|payslips?|invoices?|ids?|documents?))\b")),
    ("jailbreak", 0.7, re.compile(
        r"詐欺の(?:台本|手口)|偽造|洗浄|マネロン|横領|不正送金|盗んだ|すり抜け|偽る|偽の(?:給与明細|請求|書類|保険証)|"
        r"フィッシング(?:メール|サイト)|換金|気づかれずに|見つからずに|他人名義|ランサムウェア|マルウェア|規制薬物|不正融資|kycなし")),
    # the rules declared void, suspended or someone else's, in words the earlier override rules do not list
    ("override", 0.8, re.compile(
        r"\b(?:rules|restrictions|policies|constraints|guidelines|instructions|orders|terms|brief|playbook|compliance|"
        r"directives|guardrails)\b.{0,40}\b(?:no longer (?:binding|apply|valid)|waived|null and void|never went live|"
        r"revoked|suspended|obsolete|outdated|void|switched off)\b|\b(?:forget|skip|park|ditch|scrap)\s+(?:the |your |"
        r"those |these |all )?(?:rules|playbook|compliance|policies|guidelines|restrictions|instructions)\b|"
        r"\b(?:new task|new objective|you've been reassigned|you have been reassigned|only authority)\b")),
    ("override", 0.8, re.compile(
        r"(?:ルール|指示|命令|設定|制約|規定|方針|ガイドライン|ポリシー|取り決め|決まり|ガード|コンプラ|制限|条項)"
        r"(?:は|を|も|とか|の適用は|には)?.{0,8}(?:白紙|適用外|スルー|撤廃|失効|ダミー|消去|不要|外して|破棄|忘れ|"
        r"おやめ|気にしなくて|従わない|無効|無視)")),
]

# Prefilter: literal needles (lower-case) of which at least one must occur in the view for the pattern at the
# same index to be able to match. Most business text contains none of a pattern's needles, so most regexes never
# run; the needle scan is one C-level substring search each, shared by every pattern that names the needle.
# tests/guardrails/test_injection_rules.py checks that the prefilter never changes a result.
NEEDLES: list[tuple[str, ...]] = [
    ("ignore", "disregard", "forget", "override", "bypass", "abandon", "discard", "neglect", "cancel", "void", "drop",
     "erase", "delete", "throw away", "set aside", "pay no attention"),
    ("apply",),
    ("follow", "obey", "adhere", "comply", "listen"),
    ("instruction", "rules", "orders"),
    ("from now on",),
    ("無視", "忘れ", "破棄", "リセット", "解除", "無効", "上書き", "撤回", "なかったこと", "無かったこと", "捨て", "従わ"),
    ("無視", "無効化", "解除"),
    ("指示", "命令", "ルール"),
    ("従わ", "従う必要", "縛られ"),
    ("なかったら", "無かったら", "なければ", "無ければ", "if you ha"),
    ("制限", "制約", "ルール", "フィルター", "検閲"),
    ("im_start", "im_end", "system", "endoftext", "start_header_id", "<<sys>>", "inst]"),
    ("system", "システム"),
    ("system", "システム"),
    ("prompt", "instruction", "message", "rules you were given", "configuration"),
    ("what ",),
    ("first", "initial", "earliest"),
    ("above", "before this", "verbatim"),
    ("システムプロンプト", "初期", "隠され", "内部", "あなたへの", "あなたに与えられた", "最初に"),
    ("上記", "この上", "これより前"),
    ("do anything now", "jailbr", "脱獄", "ジェイルブレイク", "dan"),
    ("unfiltered", "unrestricted", "uncensored", "evil", "amoral", "unethical", "rogue", "jailbroken"),
    ("unfiltered", "unrestricted", "uncensored", "amoral", "evil", "jailbroken", "free from"),
    ("restriction", "limitation", "filter", "censorship", "guideline", "rules", "refus"),
    ("grandm", "granny"),
    ("祖母", "ばあちゃん", "お婆ちゃん"),
    ("制限", "制約", "フィルター", "検閲", "倫理"),
    ("として", "になりきって"),
    ("refuse", "decline", "say no", "say you can"),
    ("mode",),
    ("モード",),
    ("i am ", "私は"),
    ("note to", "note for", "message to", "message for", "instruction", "if you are a", "reading this",
     "processing this", "summarising this", "summarizing this", "parsing this"),
    ("instead of", "summari", "translate", "classify"),
    ("conversation", "chat history", "credential", "password", "api key", "customer", "personal data",
     "system prompt"),
    ("aiへ", "aiに", "aiの", "ai各位", "llmへ", "llmに", "llmの", "llm各位", "アシスタント", "言語モデル", "チャットボット",
     "この"),
    ("要約", "翻訳", "分類"),
    ("送信", "転送", "送って", "送れ", "アップロード", "外部"),
    ("pwned",),
    ("story", "novel", "screenplay", "script", "fiction", "role", "thought experiment", "hypothetical", "parallel universe",
     "imagine", "pretend", "scene", "bedtime", "movie", "thriller", "villain", "character"),
    ("refuse", "say no", "decline", " lie", "token", "point", "live", "credit", "no refusals", "no warnings",
     "no disclaimers"),
    ("小説", "物語", "フィクション", "脚本", "映画", "ロールプレイ", "なりきって", "役で", "役を", "仮定の話", "思考実験", "ゲーム",
     "お話", "ドラマ", "シナリオ", "キャラ"),
    ("断る", "断ら", "拒否", "ポイント", "点"),
    ("safety", "content", "compliance", "moderation", "polic", "guardrail", "filter", "refusal", "rules", "checks",
     "restrictions", "skip", "disable", "bypass", "turn off", "switch off"),
    ("mode", "break-glass", "break glass", "elevate", "admin"),
    ("安全", "セーフティ", "ガードレール", "フィルター", "フィルタ", "モデレーション", "コンプライアンス", "拒否", "ルール", "検閲",
     "制限"),
    ("モード", "ブレークグラス", "特権", "オーバーライド"),
    ("ai", "llm", "bot", "assistant", "agent", "copilot", "summaris", "summariz", "processor", "tool", "system",
     "minute-taker", "reviewer"),
    ("ai", "アシスタント", "ボット", "エージェント", "copilot", "システム", "書記", "係"),
    ("note ", "message ", "instruction", "rule", "notice", "memo", "guidance", "reminder", "bot", "assistant", " ai",
     "model", "agent"),
    ("を読", "する", "による自動", "自動", "あなたが"),
    ("setup", "set-up", "startup", "start-up", "pre-conversation", "underlying", "hidden", "default", "confidential",
     "system", "initial", "original", "deployer's", "operator's", "configuration"),
    ("セットアップ", "初期設定", "初期化", "設定文", "前置き", "ブリーフィング", "起動時", "隠し", "事前に仕込", "取扱指針",
     "内部ガイダンス", "初期指示", "最初の指示", "システム側"),
    ("launder", "money laundering", "forge", "forging", "counterfeit", "phishing", "ransomware", "malware", "napalm",
     "nerve agent", "methamphetamine", "skim", "brute", "stolen card", "falsify", "fabricate", "evade", "without kyc",
     "without being detected", "without getting caught", "undetected", "mule account", "fake "),
    ("詐欺の", "偽造", "洗浄", "マネロン", "横領", "不正送金", "盗んだ", "すり抜け", "偽る", "偽の", "フィッシング", "換金", "気づかれずに",
     "見つからずに", "他人名義", "ランサムウェア", "マルウェア", "規制薬物", "不正融資", "kycなし"),
    ("rules", "restrictions", "policies", "constraints", "guidelines", "instructions", "orders", "terms", "brief",
     "playbook", "compliance", "directives", "guardrails", "new task", "new objective", "reassigned", "only authority"),
    ("ルール", "指示", "命令", "設定", "制約", "規定", "方針", "ガイドライン", "ポリシー", "取り決め", "決まり", "ガード", "コンプラ",
     "制限", "条項"),
]
ALL_NEEDLES: tuple[str, ...] = tuple(sorted({n for group in NEEDLES for n in group}))
# Rule families, in a fixed order (a block names the family behind it).
FAMILIES: tuple[str, ...] = ("override", "role_tag", "extraction", "jailbreak", "dev_mode", "indirect", "spaced")
# One id per rule ("override.0", "override.1", …, then "spaced"): the classifier learns a weight per rule, not per
# family, because rules of one family differ in how often benign look-alikes trip them ("ignore … instructions"
# almost never does; 「…の設定を上書き」 often does), and one weight per family let the noisy rules drag the
# reliable ones down.
RULE_IDS: tuple[str, ...] = (
    *(f"{cat}.{sum(1 for c, _, _ in PATTERNS[:i] if c == cat)}" for i, (cat, _, _) in enumerate(PATTERNS)), "spaced")
# The model's rule weights are only valid for the rules it was trained with.
RULES_SHA = hashlib.sha256("\n".join(f"{c}|{s}|{rx.pattern}" for c, s, rx in PATTERNS).encode()).hexdigest()[:16]


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
# Runs of single letters separated by spaces, dots, dashes or underscores: "i g n o r e", "i.g.n.o.r.e".
_SPACED = re.compile(r"\b(?:[a-z](?:[ ._\-*]{1,2})){3,}[a-z]\b")
_WS = re.compile(r"\s+")
_SPACE_CHARS = re.compile(r"[ ._\-*]")
# Cheap necessary conditions, checked first: four letters each followed by one or two separators (letter
# spacing), and a digit inside a word (leetspeak; an e-mail's @ alone does not count).
_SPACED_HINT = re.compile(r"[a-z][ ._*-]{1,2}[a-z][ ._*-]{1,2}[a-z][ ._*-]{1,2}[a-z]")
# A word of letters and leet digits only (random tokens also hold 2, 6, 8, 9 and run longer than words do).
_LEET_IN_WORD = re.compile(
    r"(?<![a-z0-9])(?:[a-z]{0,12}[a-z][013457]+[a-z][a-z013457]{0,12}|[013457][a-z]{2,14})(?![a-z0-9])")


# Letter-spaced text collapses into one run ("youmustneverrefuse"), so word-boundary rules cannot see it;
# these squashed keywords are checked only when letter-spacing was present (itself a sign of evasion).
_SQUASHED = re.compile(
    r"(?:ignore|disregard|forget|override|bypass)(?:all|the|your|any|previous|prior|above|earlier|system|safety)*"
    r"(?:instructions?|rules|prompts?|guidelines|policy|restrictions)|systemprompt|developermode|maintenancemode|"
    r"neverrefuse|mustnotrefuse|donotrefuse|donottranslate|donotsummari[sz]e|doanythingnow|jailbroken|"
    r"revealyour|printyour|norestrictions|withoutrestrictions|nofilters|godmode|debugmode"
)


def _despace(low: str) -> str:
    return _SPACED.sub(lambda m: _SPACE_CHARS.sub("", m.group(0)), low)


def squashed_rule(text: str) -> bool:
    """True when letter-spaced text hides a known attack keyword."""
    return bool(_SQUASHED.search(re.sub(r"[^a-z]", "", text)))


def prepared_views(text: str) -> list[str]:
    """Lower-cased views of normalised text: as-is (look-alike letters and glued fragments folded when present:
    ``obfuscation.fold_view``), letter-spacing collapsed, leetspeak undone."""
    low = _WS.sub(" ", fold_view(text).lower())
    views = [low]
    if _SPACED_HINT.search(low) and _SPACED.search(low):
        views.append(_despace(low))
    # Leetspeak only when a digit sits inside a word ("1gn0re"): plain numbers are not leetspeak.
    if _LEET_IN_WORD.search(low):
        leet = _despace(low).translate(_LEET)
        if leet != low:
            views.append(leet)
    return views


def pattern_hits(text: str, views: list[str] | None = None, prefilter: bool = True) -> dict[str, float]:
    """Every rule (``RULE_IDS``) that matches one of the prepared views of ``text``, with its hand-set strength.

    ``prefilter=False`` runs every regex (for the test that proves the prefilter changes nothing)."""
    views = views if views is not None else prepared_views(text)
    hits: dict[str, float] = {}
    if len(views) > 1 and _SPACED_HINT.search(views[0]) and _SPACED.search(views[0]) \
            and squashed_rule(_despace(views[0])):
        hits["spaced"] = 0.9
    for view in views:
        present = {n for n in ALL_NEEDLES if n in view} if prefilter else None
        if prefilter and not present:
            continue
        for rule_id, (_, score, rx), needles in zip(RULE_IDS, PATTERNS, NEEDLES, strict=False):
            if rule_id in hits or (present is not None and present.isdisjoint(needles)):
                continue
            if rx.search(view):
                hits[rule_id] = score
    return hits


def rule_hits(text: str, views: list[str] | None = None, prefilter: bool = True,
              patterns: dict[str, float] | None = None) -> dict[str, float]:
    """Strength of the strongest hit per rule family (absent: no hit), from ``patterns`` when already computed."""
    hits: dict[str, float] = {}
    for rule_id, score in (patterns if patterns is not None else pattern_hits(text, views, prefilter)).items():
        family = rule_id.split(".")[0]
        hits[family] = max(score, hits.get(family, 0.0))
    return hits


def match_rules(text: str) -> tuple[float, str | None]:
    """Highest rule strength over the prepared views and the family that produced it (rules alone)."""
    hits = rule_hits(text)
    if not hits:
        return 0.0, None
    cat = max(hits, key=hits.__getitem__)
    return hits[cat], cat
