"""Phrase banks for scripts/make_datasets.py: invented names, places and sentences, kept apart from the
generator so that the logic stays readable. Editing a list changes the generated files (they are seeded)."""

from __future__ import annotations

SURNAMES = [
    "山田",
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山本",
    "松本",
    "井上",
]
EN_NAMES = ["Smith", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Hughes", "Walker", "Wright", "Green"]
PLACES = [
    "自宅の駐車場",
    "近所の交差点",
    "会社の倉庫",
    "国道沿いのコンビニ前",
    "商業施設の立体駐車場",
    "実家",
    "店舗の厨房",
    "工場の敷地内",
    "駅前のロータリー",
    "高速道路のサービスエリア",
    "賃貸マンションの一室",
]
# category -> (what happened, phrasings); {place} is filled in, so the same event reads differently each time.
CLAIM_EVENTS: dict[str, list[str]] = {
    "自動車": [
        "{place}で信号待ちをしていたところ、後ろの車に追突されました。",
        "{place}でバックした際に柱にぶつけ、リアバンパーがへこみました。",
        "{place}に停めていた車に当て逃げされ、右側のドアに傷がついていました。",
        "{place}で右折しようとしたところ、対向車と接触しました。",
    ],
    "火災": [
        "{place}で火災が発生し、壁と天井の一部が焼けました。",
        "{place}のコンセント付近から出火し、家電製品が焼損しました。",
        "隣家からのもらい火により、{place}の外壁が焦げてしまいました。",
    ],
    "自然災害": [
        "台風による強風で{place}の屋根の一部が飛ばされました。",
        "大雪の重みで{place}のカーポートが倒壊しました。",
        "集中豪雨により{place}が床上まで浸水しました。",
        "落雷の影響で{place}の給湯器が故障しました。",
    ],
    "盗難": [
        "{place}に置いていた自転車が盗まれました。",
        "{place}に空き巣が入り、現金と貴金属が盗まれました。",
        "{place}で車上荒らしに遭い、カーナビとバッグを盗まれました。",
    ],
    "傷害": [
        "{place}の階段で足を踏み外して転倒し、足首を骨折しました。",
        "{place}で作業中に転倒し、手首を痛めて通院しています。",
        "{place}付近を自転車で走行中に転倒し、肩を負傷しました。",
    ],
    "医療": [
        "急性虫垂炎のため入院し、手術を受けました。",
        "検査の結果、胆石が見つかり、入院して治療を受けました。",
        "肺炎で入院することになりました。",
    ],
    "賠償責任": [
        "{place}で子どもが遊んでいたボールが隣家の窓ガラスを割ってしまいました。",
        "{place}で洗濯機の排水ホースが外れ、階下の部屋に水漏れさせてしまいました。",
        "飼い犬が{place}で通行人にかみつき、けがをさせてしまいました。",
    ],
}
CLAIM_SYSTEM = [
    "保険金請求の文面から、証券番号・事故日・請求金額・事故区分を抽出し、JSONだけを出力してください。",
    "次の請求内容を読み、policy_no, date, amount, category の4項目をJSONで返してください。"
    "不明な項目はnullにしてください。",
    "あなたは損害保険会社の査定補助です。請求文から項目を抽出し、JSONオブジェクトのみで回答してください。",
]
INCIDENTS: list[tuple[str, list[str], str]] = [
    # (kind, how the reporter describes it, cause shown in the summary)
    (
        "設備故障",
        ["{line}の{machine}が異音を発して停止した。", "{machine}のモーターが過熱し、{line}が止まった。"],
        "{machine}の故障",
    ),
    (
        "品質不良",
        ["{line}で{part}の寸法不良が連続して見つかった。", "出荷前検査で{part}に傷のある製品が見つかった。"],
        "{part}の品質不良",
    ),
    (
        "部品遅延",
        ["仕入先からの{part}の入荷が遅れている。", "物流の混乱で{part}が予定どおり届かない。"],
        "{part}の入荷遅延",
    ),
    (
        "停電",
        ["落雷による瞬時停電で{line}が停止した。", "工場内の受電設備の点検ミスで{line}が停電した。"],
        "停電",
    ),
    (
        "人員不足",
        [
            "感染症の流行で{line}の作業者が多数欠勤している。",
            "{line}で急な退職が重なり、人員が不足している。",
        ],
        "人員不足",
    ),
    (
        "金型破損",
        ["{machine}の金型が破損し、成形ができなくなった。", "{line}の金型に割れが見つかった。"],
        "金型の破損",
    ),
]
LINES = [
    "第1組立ライン",
    "第2組立ライン",
    "第3組立ライン",
    "塗装ライン",
    "プレスライン",
    "成形ライン",
    "検査工程",
]
MACHINES = ["射出成形機3号機", "プレス機2号機", "搬送コンベア", "溶接ロボット", "塗装ロボット", "NC旋盤"]
PARTS = ["制御基板", "樹脂カバー", "モーター", "ベアリング", "配線ハーネス", "ギア部品"]
ACTIONS = {
    "設備故障": ["予備機に切り替え", "保全担当が部品を交換"],
    "品質不良": ["当該ロットを全数検査", "工程の条件を見直し"],
    "部品遅延": ["在庫で作れる機種を前倒し", "代替の仕入先を手配"],
    "停電": ["設備の再起動と点検", "仕掛品の品質を確認"],
    "人員不足": ["他ラインから応援を配置", "休日出勤で挽回"],
    "金型破損": ["予備の金型に交換", "金型を外部で修理"],
}
INCIDENT_SYSTEM = [
    "製造現場の不具合報告を読み、生産計画への影響と対応を短くまとめてください。",
    "次の報告から再計画の要点を3行でまとめてください。",
    "あなたは生産管理担当です。報告を再計画サマリーに要約してください。",
]
EMAIL_LABELS = [
    "billing",
    "account_access",
    "cancellation",
    "change_request",
    "complaint",
    "compliment",
    "delivery",
    "product_issue",
]
EMAIL_JA: dict[str, list[str]] = {
    "billing": [
        "今月の請求額が先月より高くなっています。内訳を教えてください。",
        "同じ料金が二重に引き落とされているようです。",
        "請求書に身に覚えのないオプション料金が含まれています。",
        "支払い方法を口座振替からカード払いに変えたいのですが、請求はどうなりますか。",
    ],
    "account_access": [
        "パスワードを忘れてしまい、ログインできません。",
        "アカウントがロックされたと表示されます。解除方法を教えてください。",
        "認証コードがメールで届かず、ログインできません。",
        "マイページに入ろうとするとエラーになります。",
    ],
    "cancellation": [
        "今月末で契約を解約したいです。",
        "サービスの利用をやめたいので、解約手続きを教えてください。",
        "解約した場合の違約金について知りたいです。",
        "引っ越しに伴い、契約を終了させてください。",
    ],
    "change_request": [
        "登録している住所を変更したいです。",
        "契約プランを上位のものに変更できますか。",
        "名義を家族に変更したいのですが、手続きを教えてください。",
        "連絡先のメールアドレスを変更したいです。",
    ],
    "complaint": [
        "電話窓口の担当者の態度がとても失礼でした。",
        "何度問い合わせても回答がなく、不満です。",
        "説明と実際のサービス内容が違っていて納得できません。",
        "窓口で一時間以上待たされました。改善を求めます。",
    ],
    "compliment": [
        "先日の対応にとても満足しています。ありがとうございました。",
        "担当の方が丁寧に説明してくださり、助かりました。",
        "迅速に対応していただき感謝しています。",
        "いつも気持ちのよい対応をありがとうございます。",
    ],
    "delivery": [
        "注文した商品がまだ届きません。",
        "配送予定日を過ぎても荷物が来ていません。",
        "届いた荷物の数が注文と違います。",
        "配達日時を変更したいです。",
    ],
    "product_issue": [
        "購入した製品の電源が入りません。",
        "使い始めて一週間で部品が壊れました。",
        "製品から異音がします。修理をお願いできますか。",
        "説明書どおりに操作しても動きません。",
    ],
}
EMAIL_EN: dict[str, list[str]] = {
    "billing": [
        "My bill this month is higher than usual. Could you explain the charges?",
        "I think I have been charged twice.",
        "There is a fee on my invoice that I do not recognise.",
        "How do I switch my payment method to direct debit?",
    ],
    "account_access": [
        "I forgot my password and cannot sign in.",
        "My account says it is locked. How do I unlock it?",
        "The verification code never arrives, so I cannot log in.",
        "I get an error every time I try to open my account page.",
    ],
    "cancellation": [
        "Please cancel my subscription at the end of this month.",
        "I would like to close my account. What do I need to do?",
        "Is there a fee if I cancel my contract early?",
        "I am moving abroad and need to end my contract.",
    ],
    "change_request": [
        "I need to update my postal address.",
        "Can I upgrade to a higher plan?",
        "Please change the e-mail address on my account.",
        "I would like to transfer the contract to my husband's name.",
    ],
    "complaint": [
        "The agent I spoke to was rude and unhelpful.",
        "I have written three times and nobody has replied.",
        "The service is nothing like what was promised when I signed up.",
        "I waited over an hour on the phone. This is unacceptable.",
    ],
    "compliment": [
        "Thank you for the excellent service last week.",
        "Your colleague was very patient and explained everything clearly.",
        "I was impressed by how quickly you solved my problem.",
        "Just a note to say your team has been wonderful.",
    ],
    "delivery": [
        "My order has not arrived yet.",
        "The parcel is a week late.",
        "I received the wrong number of items.",
        "Can I change the delivery date for my order?",
    ],
    "product_issue": [
        "The device I bought will not switch on.",
        "A part broke after one week of use.",
        "The machine makes a strange noise. Can it be repaired?",
        "It does not work even when I follow the manual.",
    ],
}
EMAIL_SYSTEM = [
    "次のメールを billing, account_access, cancellation, change_request, complaint, compliment, "
    "delivery, product_issue のいずれか一つに分類し、ラベルだけを答えてください。",
    "Classify the customer e-mail into exactly one label: billing, account_access, cancellation, "
    "change_request, complaint, compliment, delivery, product_issue. Answer with the label only.",
]
