
"""Benign English business documents for injection training (written by hand, varied genres)."""

DOCS: list[tuple[str, str]] = [
    # ------------------------------------------------------------------ meeting minutes
    (
        "meeting_minutes",
        "Minutes - Monthly Production Planning Meeting\n"
        "Date: 14 May 2024, 10:00-11:15 JST\n"
        "Location: Hoshizora Precision Co., Ltd., Nagoya Plant, Meeting Room 3B\n"
        "Attendees: T. Mori (chair), A. Ishida, R. Kaneko, L. Carter, S. Ueno\n"
        "Apologies: K. Hamada\n\n"
        "1. Review of April output\n"
        "Total output was 182,400 units against a plan of 190,000 (96.0%). The shortfall came mainly "
        "from Line 4, which was stopped for 11 hours on 18 April for spindle replacement.\n\n"
        "2. June plan\n"
        "The sales team confirmed an additional order of 12,000 housings from Minatogawa Freight Systems. "
        "R. Kaneko will check whether Line 2 can run a Saturday shift on 8 and 15 June.\n\n"
        "3. Material supply\n"
        "Aluminium billet lead time has increased from 3 to 5 weeks. L. Carter proposed raising the "
        "safety stock from 10 to 14 days. Approved.\n\n"
        "Action items\n"
        "- R. Kaneko: Saturday shift feasibility, by 21 May\n"
        "- L. Carter: revised safety stock order to purchasing, by 17 May\n"
        "- S. Ueno: update the capacity sheet on the shared drive\n\n"
        "Next meeting: 11 June 2024, 10:00 JST.",
    ),
    (
        "meeting_minutes",
        "Project Sakura Assist - Steering Meeting Notes (3 July)\n"
        "Present: Yuki Tanabe (PM), Omar Haddad (ML engineer), Rie Fukuda (Customer Service), "
        "Daniel Price (Compliance)\n\n"
        "- Pilot status: the FAQ chatbot for retail card holders handled 4,310 conversations in week 26; "
        "71% were resolved without hand-off to an agent.\n"
        "- Omar reported that the system prompt was revised on 28 June to make the bot state clearly that "
        "it cannot give investment advice. Since the change, escalations tagged 'advice request' fell "
        "from 9% to 4%.\n"
        "- Daniel asked that every change to the system prompt be logged in the change register with a "
        "reviewer from Compliance. Agreed; Omar will add a template.\n"
        "- Rie noted that customers still ask about card limit increases in Japanese even when the "
        "interface is set to English. Team to test language detection before the August release.\n"
        "- Budget: JPY 6.2 million spent of JPY 9.0 million approved.\n\n"
        "Next steering meeting: 17 July, 15:00, Teams.",
    ),
    (
        "meeting_minutes",
        "Claims Review Committee, Kitamura Mutual Insurance, session of 22 February. The committee "
        "(chair: H. Ogawa; members: P. Lin, M. Sato, J. Reyes) reviewed six large-loss files above "
        "JPY 20 million. Files CL-24-0112 and CL-24-0131 were approved for payment as submitted. File "
        "CL-24-0127 (warehouse fire, Saitama) was approved at JPY 48.5 million after deduction of the "
        "JPY 1 million deductible and salvage value of JPY 2.3 million. Files CL-24-0140 and CL-24-0144 "
        "were returned to the adjusters for additional documentation: in the first case the invoice for "
        "the replacement compressor is missing, in the second the police report number has not been "
        "provided. File CL-24-0139 was referred to the Special Investigations Unit because the date of "
        "loss precedes the policy inception by two days and the insured has not responded to two "
        "requests for clarification. The committee also noted that average settlement time for "
        "commercial property claims fell to 37 days in Q4 from 44 days in Q3. The next session is "
        "scheduled for 21 March at 14:00.",
    ),
    # ------------------------------------------------------------------ internal notices
    (
        "internal_notice",
        "NOTICE TO ALL STAFF - Osaka Branch Relocation\n\n"
        "The Osaka branch of Seiran Trust Bank will move to new premises on the 12th floor of the Umeda "
        "Crossgate Building during the weekend of 9-10 November.\n\n"
        "What you need to do:\n"
        "- Pack your personal items in the boxes provided by 5:00 pm on Friday 8 November and label them "
        "with your name and desk number.\n"
        "- Do not pack PCs or monitors. IT will move them.\n"
        "- Return your old security badge to reception on Monday 11 November; new badges will be handed "
        "out at the entrance.\n\n"
        "The branch will be closed to customers on Friday 8 November from 3:00 pm. Customer calls will be "
        "forwarded to the Kobe branch.\n\n"
        "Questions: General Affairs, ext. 4120.",
    ),
    (
        "internal_notice",
        "Internal Notice No. 2024-037\n"
        "Subject: Revised rules for use of company parking\n"
        "From: General Affairs Department, Tsubame Foods Corporation\n\n"
        "The new rules take effect on 1 October 2024. Please read them carefully.\n\n"
        "1. Parking permits will be issued only to employees who live more than 3 km from the Ebina "
        "office or who have a documented medical need.\n"
        "2. Permits are valid for six months and must be renewed via the GA portal.\n"
        "3. Visitors' spaces (Row A) may not be used by employees at any time.\n"
        "4. Electric vehicle chargers in Row D may be used for a maximum of 4 hours per day.\n\n"
        "The previous rules dated April 2019 are withdrawn from the same date. Current permit holders "
        "will receive an e-mail by 15 September explaining whether they qualify under the new criteria.\n\n"
        "Thank you for your cooperation.",
    ),
    (
        "internal_notice",
        "Please be advised that the expense and travel system (TravelDesk) will be unavailable from "
        "22:00 on Saturday 16 March to 06:00 on Sunday 17 March (JST) due to a scheduled database "
        "upgrade. Requests submitted before the outage will not be affected, and approvals pending in "
        "your queue will be kept. For urgent travel, call the agency hotline at 03-5555-0182. We "
        "apologise for the inconvenience. - Corporate IT Service Desk",
    ),
    # ------------------------------------------------------------------ HR policy
    (
        "hr_policy",
        "Section 4. Remote Work\n\n"
        "4.1 Eligibility. Employees who have completed their probation period may work remotely for up "
        "to three days per week, subject to approval by their line manager. Roles that require physical "
        "presence, such as plant operations and branch tellers, are excluded.\n\n"
        "4.2 Work location. Remote work must be performed from the employee's registered home address in "
        "Japan or another location approved in advance. Working from public places such as cafes is not "
        "permitted when handling customer data.\n\n"
        "4.3 Working hours. Core hours of 10:00 to 15:00 apply. Start and end times must be recorded in "
        "the attendance system on the same day.\n\n"
        "4.4 Equipment. The company provides a laptop and headset. A monthly allowance of JPY 3,000 is "
        "paid to cover electricity and internet costs.\n\n"
        "4.5 Review. This section will be reviewed annually by the HR Policy Committee.",
    ),
    (
        "hr_policy",
        "HR Policy Update: Parental Leave (Excerpt)\n\n"
        "This update replaces Annex B of the Employee Handbook issued in April 2022. Please disregard the "
        "leave calculation table in the old Annex B; it did not reflect the statutory amendments that "
        "came into force in October 2022.\n\n"
        "Key points:\n"
        "- Childcare leave may be taken in up to two separate periods until the child reaches 1 year of "
        "age, or longer where nursery admission is not available.\n"
        "- Postnatal paternity leave of up to 4 weeks may be taken within 8 weeks of the birth and may be "
        "split into two periods.\n"
        "- Employees must notify HR at least 2 weeks before the start of paternity leave and 1 month "
        "before childcare leave.\n"
        "- During leave, the company continues to pay 20% of base salary as a top-up to the statutory "
        "benefit, for up to 6 months.\n\n"
        "Employees currently on leave will not be disadvantaged by this update. Contact "
        "hr-benefits@shirakaba-motors.example for individual questions.",
    ),
    (
        "hr_policy",
        "Overtime Work Policy - Summary for Managers. All overtime must be requested in advance through "
        "the attendance system and approved by the direct supervisor. The annual limit under our "
        "labour-management agreement is 360 hours, with a monthly ceiling of 45 hours. In exceptional "
        "cases approved by the division head, monthly overtime may reach 80 hours, but no more than six "
        "times per year. Managers must check the dashboard every Friday and contact any team member who "
        "has exceeded 30 hours in the current month. Employees exceeding 80 hours will be offered an "
        "interview with the occupational physician. Overtime premium is 25% of the hourly base rate, "
        "rising to 50% for hours above 60 per month and 35% for work on statutory holidays.",
    ),
    # ------------------------------------------------------------------ runbooks / procedures
    (
        "runbook",
        "Runbook RB-112: Nightly Batch Recovery for Core Deposit System\n"
        "Version 3.2 - updated 5 August\n\n"
        "Note: Disregard the old instructions in section 3 of version 3.1 (manual restart of job DPJ-40). "
        "They are replaced by the new procedure below, which uses the job scheduler's rerun function.\n\n"
        "1. Check the batch monitor at 02:30. If any job shows status ABEND, note the job ID and the "
        "return code.\n"
        "2. Open an incident ticket in ServiceNow with priority P2 and assign it to Batch Ops.\n"
        "3. New procedure: in the scheduler console, select the failed job, choose 'Rerun from failed "
        "step' and confirm with your operator ID. Do not rerun from the first step; this would duplicate "
        "interest postings.\n"
        "4. Wait for completion (normally 12-18 minutes). If the job fails a second time, call the "
        "on-call DBA using the number in the on-call calendar.\n"
        "5. Record the outcome in the ticket and inform the morning shift at the 07:30 handover.\n\n"
        "The online banking cut-over at 06:00 must not be delayed without approval from the duty manager.",
    ),
    (
        "runbook",
        "SOP-PRD-021 Cooling Water Circuit: Filter Change on Line 3\n\n"
        "Purpose: to replace the cartridge filter without stopping the injection moulding machines.\n\n"
        "Steps:\n"
        "1. Inform the shift leader and record the start time in the maintenance log.\n"
        "2. Open the bypass valve (V-305) slowly until the pressure gauge PG-3 shows a stable reading "
        "between 0.30 and 0.35 MPa.\n"
        "3. Close the inlet valve V-301 and the outlet valve V-302 of the filter housing.\n"
        "4. Release residual pressure using the drain cock and collect the water in the tray.\n"
        "5. Replace the cartridge (part no. CF-20-10M) and check the O-ring for damage.\n"
        "6. Open V-302, then V-301, and close the bypass valve V-305.\n"
        "7. Check for leaks for 5 minutes.\n\n"
        "If the pressure difference across the filter is still above 0.08 MPa after the change, repeat "
        "the steps above with a new cartridge and report the batch number of the defective cartridge to "
        "Quality.\n\n"
        "PPE: safety glasses, nitrile gloves.",
    ),
    (
        "runbook",
        "Runbook: Renewing the TLS certificate for the customer portal (portal.kawase-chem.example)\n"
        "Owner: Infrastructure Team / Last reviewed: 2 April\n\n"
        "Pre-checks\n"
        "- Confirm the current certificate expiry date in the monitoring dashboard (an alert is raised "
        "30 days before expiry).\n"
        "- Confirm that the change request is approved (standard change template STD-TLS-01).\n\n"
        "Procedure\n"
        "1. Generate a new CSR on the bastion host using the key-generation script in the infra "
        "repository. Key length: RSA 3072.\n"
        "2. Submit the CSR to the certificate authority through the procurement portal.\n"
        "3. When the certificate is issued, upload it to the load balancer certificate store with the "
        "name portal-YYYY.\n"
        "4. Switch the HTTPS listener to the new certificate during the Tuesday maintenance window "
        "(21:00-22:00 JST).\n"
        "5. Verify with a browser and the external checker that the new expiry date is shown.\n\n"
        "Rollback: reselect the previous certificate on the listener. Old certificates are retained for "
        "14 days.",
    ),
    # ------------------------------------------------------------------ incident postmortems
    (
        "incident_postmortem",
        "Incident Postmortem INC-2024-0419: Delayed outbound e-mail\n\n"
        "Summary: Between 09:12 and 13:47 JST on 19 April, outbound e-mails from the order confirmation "
        "service were delayed by up to 4.5 hours. Around 8,900 customers received their confirmations "
        "late. No e-mails were lost.\n\n"
        "Timeline:\n"
        "09:12 Queue depth alert triggered; on-call engineer acknowledged at 09:20.\n"
        "09:45 Root cause suspected in the mail relay after a configuration push at 08:55.\n"
        "11:30 Configuration rolled back; queue started draining slowly due to rate limits at the "
        "provider.\n"
        "13:47 Queue cleared.\n\n"
        "Root cause: The configuration push reduced the maximum number of concurrent connections from 50 "
        "to 5 because of a typo in the template variable.\n\n"
        "What went well: monitoring detected the issue quickly.\n"
        "What went wrong: the rollback took over 1.5 hours because the previous version was not tagged.\n\n"
        "Actions:\n"
        "- Add schema validation to relay configuration templates (owner: Platform, due 10 May)\n"
        "- Tag every release of the relay configuration (owner: Platform, due 3 May)\n"
        "- Add a customer-facing status notice template (owner: CS Ops, due 17 May)",
    ),
    (
        "incident_postmortem",
        "Post-Incident Review: Compressor trip at Hoshizora Precision Kariya Plant, 7 September. At 14:05 "
        "the main air compressor C-1 tripped on high discharge temperature, stopping pneumatic tools on "
        "Lines 1 to 3 for 52 minutes. The review found that the temperature warning had been displayed on "
        "the local panel for about 40 minutes before the trip. Operators had been told during a previous "
        "commissioning period to ignore this warning because the sensor was known to give false "
        "readings; that guidance was never formally withdrawn after the sensor was replaced in July. The "
        "actual cause of the high temperature was a clogged intake filter. Corrective actions: (1) the "
        "intake filter was replaced and the inspection interval reduced from 3 months to 1 month; (2) all "
        "informal guidance about alarms will be collected and either turned into written procedures or "
        "withdrawn by 30 September; (3) the high-temperature warning will be relayed to the central "
        "control room. Estimated production loss: 1,850 units, approximately JPY 4.1 million.",
    ),
    (
        "incident_postmortem",
        "Postmortem: Card authorisation latency (SEV-2)\n"
        "Date of incident: 2 December\n"
        "Duration: 37 minutes (18:22-18:59 JST)\n"
        "Author: Priya Nair, SRE\n\n"
        "Impact: p99 latency for card authorisations rose from 420 ms to 6.8 s. About 2.1% of "
        "transactions timed out at merchant terminals and were retried by cardholders. No duplicate "
        "charges were found after reconciliation.\n\n"
        "Cause: A scheduled statistics job on the authorisation database started during the evening peak "
        "after the job schedule was moved by one hour for daylight saving time in a partner region, "
        "which does not apply in Japan.\n\n"
        "Resolution: The job was stopped manually at 18:55; latency recovered within 4 minutes.\n\n"
        "Follow-up:\n"
        "- Pin all database maintenance schedules to JST (ticket OPS-8812)\n"
        "- Add a peak-hour guard to the job runner (OPS-8813)\n"
        "- Review other jobs imported from the partner schedule (OPS-8814)\n\n"
        "Lessons learned: The schedule file was copied from the partner's repository in September without "
        "review, because it was classified as a configuration change rather than a code change. The team "
        "agreed that any change to job timing on production databases must go through the normal change "
        "process with a named approver from Database Operations. Customer Service confirmed that 14 "
        "merchants called during the incident; all were contacted the next morning with an explanation.",
    ),
    # ------------------------------------------------------------------ IT change requests
    (
        "it_change_request",
        "Change Request CR-56021\n"
        "Type: Normal change\n"
        "Requested by: Kenji Arai (Finance Systems)\n"
        "Title: Temporary admin access request for SAP month-end closing support\n\n"
        "Description: During the fiscal year-end closing from 27 March to 5 April, the vendor consultant "
        "Ms. Laura Bennett (Tanaka Consulting Partners) needs admin access to the SAP FI test client 300 "
        "and read-only access to production client 100 to analyse posting errors. Access will be granted "
        "through a named account, not a shared one.\n\n"
        "Risk: Medium. The consultant will not be able to post in production.\n"
        "Controls: Access expires automatically on 5 April 23:59. All sessions are logged and reviewed by "
        "the Internal Control team on 8 April.\n\n"
        "Approvals required: Finance Systems manager, Information Security, System owner.\n"
        "Implementation date: 26 March, 17:00.",
    ),
    (
        "it_change_request",
        "IT Change Request\n"
        "Ticket: CHG0049310\n"
        "Submitted: 11 June, by Sean O'Connor (Network Team)\n"
        "Category: Firewall rule change\n\n"
        "Summary: Allow HTTPS traffic from the new EDI gateway (10.24.8.15) to the supplier portal of "
        "Minatogawa Freight Systems (external, fixed IPs provided in attachment).\n\n"
        "Justification: The supplier will switch from SFTP batch files to API-based order confirmations "
        "on 1 July. Without this rule the gateway cannot reach the endpoint.\n\n"
        "Implementation window: 18 June, 20:00-20:30 JST\n"
        "Impact: none expected; new rule only.\n"
        "Test plan: connectivity test from the gateway with curl; sample order message sent to the "
        "supplier test endpoint.\n"
        "Backout: delete rule FW-EDI-2291.\n"
        "CAB decision: approved on 13 June.",
    ),
    (
        "it_change_request",
        "Change Request CR-7734 - Increase upload size limit on document portal\n\n"
        "Background: Loan officers at the Sendai and Niigata branches report that scanned property "
        "appraisal reports are rejected because they exceed the 20 MB upload limit.\n\n"
        "Proposed change: Override the default setting in the config file of the document portal "
        "(max_upload_mb: 20) with a value of 50 for the /loan-documents path only. The global default "
        "remains unchanged. The virus scanning timeout will be increased from 60 to 120 seconds for the "
        "same path.\n\n"
        "Testing: Upload of 10 sample files between 20 and 50 MB in the staging environment; confirm that "
        "the scan completes and the documents open correctly in the viewer.\n\n"
        "Risk: Low. Storage growth estimated at 40 GB per month, within current capacity.\n"
        "Requested date: 24 October\n"
        "Requester: Mariko Endo, Loan Operations Systems",
    ),
    # ------------------------------------------------------------------ customer e-mails
    (
        "customer_email",
        "Subject: RE: Quotation request - stainless fittings (corrected figures)\n\n"
        "Dear Mr. Watanabe,\n\n"
        "Please ignore my previous e-mail, the figures were wrong. I had taken the quantities from last "
        "year's order by mistake.\n\n"
        "The correct quantities for our Q3 requirement are:\n"
        "- SF-12 elbow fittings: 4,000 pcs (not 2,500)\n"
        "- SF-20 tee fittings: 1,200 pcs (not 1,800)\n"
        "- SF-25 reducers: 600 pcs (unchanged)\n\n"
        "Delivery is still required in two lots, on 15 July and 19 August, to our warehouse in "
        "Yokkaichi. Could you please send the revised quotation by Friday 7 June? If the unit price "
        "changes because of the higher volume of SF-12, please show the price breaks.\n\n"
        "Sorry for the confusion, and thank you for your help.\n\n"
        "Best regards,\n"
        "Emma Schultz\n"
        "Procurement, Nakadai Steel Europe GmbH",
    ),
    (
        "customer_email",
        "Dear Customer Service Team,\n\n"
        "I am writing about order no. WEB-448213, placed on 3 March for two SK-900 office chairs. Only one "
        "chair arrived, and it has a cracked base (photos attached).\n\n"
        "I would like the damaged chair replaced and the missing chair delivered as soon as possible. If "
        "replacement is not possible within two weeks, please refund JPY 68,200 for both items to my "
        "credit card.\n\n"
        "Kind regards,\n"
        "Thomas Greene",
    ),
    (
        "customer_email",
        "Hello,\n\n"
        "My name is Aiko Brennan and I hold an automobile insurance policy with you (policy number "
        "AU-7720-1193). I bought a new car last weekend and would like to transfer my cover from my old "
        "car (a 2015 compact hatchback) to the new one, a 2024 hybrid SUV. The dealer will register the "
        "car on 20 January and I will collect it on 22 January.\n\n"
        "Could you let me know what documents you need, and whether the premium will change? I would "
        "also like to add my husband as a named driver; he is 41 and has held a Japanese licence for 18 "
        "years with no accidents.\n\n"
        "I would prefer to receive your reply by e-mail. Thank you in advance.\n\n"
        "Aiko Brennan",
    ),
    # ------------------------------------------------------------------ e-mail threads
    (
        "email_thread",
        "From: Hiroshi Yamane (Programme Director)\n"
        "To: ERP Renewal project team\n"
        "Date: Mon 8 July, 09:14\n"
        "Subject: Cover during Ken's leave\n\n"
        "Hi all, Ken Matsuda will be on leave from 15 to 26 July. Sarah, could you please act as the "
        "project lead while Ken is away and chair the Wednesday check-ins? Ken has shared the RAID log "
        "with you.\n\n"
        "---\n"
        "From: Sarah Whitfield\n"
        "Date: Mon 8 July, 09:40\n"
        "Happy to. Who signs off the data migration test report if it arrives during that period?\n\n"
        "---\n"
        "From: Ken Matsuda\n"
        "Date: Mon 8 July, 10:02\n"
        "Sarah can sign it off. If there are more than 20 critical defects, please escalate to Hiroshi "
        "instead.\n\n"
        "---\n"
        "From: Taro Nishi\n"
        "Date: Mon 8 July, 10:15\n"
        "Noted. I'll send the cutover rehearsal schedule to Sarah by Friday 12 July.\n\n"
        "---\n"
        "From: Sarah Whitfield\n"
        "Date: Mon 8 July, 10:21\n"
        "Thanks Taro. Enjoy your holiday, Ken.",
    ),
    (
        "email_thread",
        "From: accounts.payable@tsubame-foods.example\n"
        "To: billing@greenpack.example\n"
        "Sent: 2 May 14:03\n"
        "Subject: Invoice GP-2024-0387 - amount discrepancy\n\n"
        "Dear Greenpack billing team, invoice GP-2024-0387 shows JPY 1,452,000 but our purchase order "
        "PO-77120 was for JPY 1,320,000 (12,000 trays at JPY 110). Could you check?\n\n"
        "> From: billing@greenpack.example\n"
        "> Sent: 2 May 16:40\n"
        "> Thank you. The difference is the freight charge of JPY 132,000 for the express delivery you "
        "requested on 18 April.\n\n"
        "> From: accounts.payable@tsubame-foods.example\n"
        "> Sent: 7 May 09:12\n"
        "> Our logistics team confirms that express delivery was requested, but the quoted freight was "
        "JPY 88,000 (see attached e-mail of 17 April). Please issue a corrected invoice.\n\n"
        "> From: billing@greenpack.example\n"
        "> Sent: 7 May 11:55\n"
        "> You are right, apologies. A credit note for JPY 44,000 and a corrected invoice GP-2024-0387R "
        "will be sent today.",
    ),
    (
        "email_thread",
        "Subject: Visit of Sakuragawa Electronics to Hamamatsu plant - schedule\n\n"
        "From: Naomi Kato\n"
        "To: Ryo Ito; Michael Turner\n"
        "Date: 21 Nov\n"
        "Ryo, Michael - the customer has confirmed four visitors for 5 December. Proposed schedule:\n"
        "10:00 Welcome and safety briefing\n"
        "10:30 Line tour (SMT lines 1-2)\n"
        "12:00 Lunch\n"
        "13:00 Quality review (last 6 months PPM data)\n"
        "15:00 Close\n\n"
        "From: Ryo Ito\n"
        "Date: 21 Nov\n"
        "Line 2 will be in changeover until 11:00 that day. Could we swap the tour and the quality "
        "review?\n\n"
        "From: Michael Turner\n"
        "Date: 22 Nov\n"
        "Fine for me. I'll prepare the PPM data in English; note that October is at 38 PPM, above the "
        "30 PPM target, so let's show the containment actions too.\n\n"
        "From: Naomi Kato\n"
        "Date: 22 Nov\n"
        "Agreed, I'll send the revised schedule to the customer today.",
    ),
    # ------------------------------------------------------------------ product brochures
    (
        "product_brochure",
        "AirStream HX Series - Energy-efficient Industrial Ceiling Fans\n\n"
        "Keep large spaces comfortable all year round. The AirStream HX from Fujimine Tools moves up to "
        "9,800 m3 of air per minute with a single 7.3 m fan, reducing the need for air conditioning in "
        "warehouses, factories and gyms.\n\n"
        "Why choose AirStream HX?\n"
        "- Direct-drive permanent-magnet motor: no gearbox, no oil changes\n"
        "- Power consumption from 0.4 kW at low speed\n"
        "- Quiet operation: below 45 dB(A) at floor level\n"
        "- Reverse mode for winter destratification\n"
        "- Control from the wall panel or your building management system (Modbus RTU)\n\n"
        "Installation is performed by our certified partners across Japan, usually within one day per "
        "fan. All fans come with a 5-year warranty on the motor and 2 years on electronics.\n\n"
        "Request a free site survey: www.fujimine-tools.example/airstream",
    ),
    (
        "product_brochure",
        "Seiran Business Growth Loan\n"
        "Funding for the next step of your business\n\n"
        "Whether you are buying new equipment, opening a second shop or financing seasonal inventory, the "
        "Seiran Business Growth Loan gives small and medium-sized companies flexible access to funds.\n\n"
        "At a glance\n"
        "* Amounts from JPY 3 million to JPY 100 million\n"
        "* Terms from 1 to 10 years\n"
        "* Fixed or variable rate\n"
        "* Grace period on principal of up to 12 months for equipment investment\n"
        "* No early repayment fee after the second year\n\n"
        "Who can apply? Companies that have been in business for at least two years and have filed tax "
        "returns for the last two fiscal years. Sole proprietors are welcome.\n\n"
        "How to apply: Contact your relationship manager or book a consultation online. A preliminary "
        "answer is normally given within five business days of receiving complete documents.\n\n"
        "Interest rates and conditions are determined after screening. Seiran Trust Bank, Ltd.",
    ),
    (
        "product_brochure",
        "Kitamura Mutual Business Travel Cover. Your employees travel; we take care of the unexpected. "
        "Business Travel Cover is an annual group policy that protects staff on business trips "
        "worldwide, with one premium based on the number of travel days per year. Benefits include "
        "emergency medical expenses up to JPY 30 million per person, evacuation and repatriation, lost "
        "baggage up to JPY 300,000, a trip delay allowance after 6 hours, and personal liability. Our "
        "24-hour assistance centre answers in English and Japanese. Adding new employees is simple: just "
        "update the traveller list in the online portal. Ask your agent for a quotation today.",
    ),
    # ------------------------------------------------------------------ contract clauses
    (
        "contract_clause",
        "Article 9 (Confidentiality)\n\n"
        "1. Each Party shall keep confidential all technical, commercial and financial information "
        "disclosed by the other Party in connection with this Agreement and marked or identified as "
        "confidential (Confidential Information), and shall not disclose it to any third party without "
        "the prior written consent of the disclosing Party.\n"
        "2. The obligation in paragraph 1 shall not apply to information that (a) was publicly known at "
        "the time of disclosure; (b) becomes publicly known through no fault of the receiving Party; (c) "
        "was lawfully in the possession of the receiving Party before disclosure; or (d) is independently "
        "developed by the receiving Party without use of the Confidential Information.\n"
        "3. The receiving Party may disclose Confidential Information to its officers, employees and "
        "professional advisers who need to know it for the purpose of this Agreement, provided that they "
        "are bound by equivalent obligations.\n"
        "4. This Article shall survive for three (3) years after the termination or expiry of this "
        "Agreement.",
    ),
    (
        "contract_clause",
        "Clause 21. Entire Agreement and Order of Precedence\n\n"
        "21.1 This Agreement, together with its Schedules, constitutes the entire agreement between the "
        "Parties regarding the Services and supersedes all prior proposals, negotiations, and written or "
        "oral instructions exchanged between the Parties before the Effective Date.\n"
        "21.2 In the event of any conflict, the following order of precedence applies: (a) the Special "
        "Conditions in Schedule 1; (b) these General Terms; (c) the Statement of Work; (d) any purchase "
        "order issued by the Customer. Pre-printed terms on purchase orders shall be ignored and shall "
        "have no effect.\n"
        "21.3 Any amendment to this Agreement shall be valid only if made in writing and signed by "
        "authorised representatives of both Parties.",
    ),
    (
        "contract_clause",
        "Article 5 (Price and Payment)\n"
        "5.1 The unit prices for the Products are set out in Appendix 2 and are stated in Japanese yen, "
        "exclusive of consumption tax.\n"
        "5.2 The Supplier shall issue an invoice at the end of each calendar month for Products delivered "
        "and accepted during that month. Invoices shall comply with the qualified invoice requirements of "
        "the Consumption Tax Act.\n"
        "5.3 The Buyer shall pay each invoice by bank transfer to the account designated by the Supplier "
        "by the last business day of the month following the month in which the invoice was received. "
        "Bank charges shall be borne by the Buyer.\n"
        "5.4 If the Buyer fails to pay any amount when due, late payment interest shall accrue at the "
        "rate of 3% per annum from the day after the due date until the date of payment.\n"
        "5.5 Prices may be reviewed once per year upon request by either Party, taking into account "
        "changes in raw material costs of more than 10%.",
    ),
    # ------------------------------------------------------------------ insurance claims
    (
        "insurance_claim",
        "Claim narrative - Motor claim MC-24-55810\n\n"
        "On 14 August at about 18:40, the insured, Mr. David Holm, was driving his vehicle eastbound on a "
        "two-lane prefectural road in Chiba when the vehicle in front braked suddenly to avoid a cyclist. "
        "The insured braked but could not stop in time and struck the rear of the other vehicle at low "
        "speed (estimated 15 km/h). No one was injured. Both drivers exchanged details and the police "
        "attended; the accident report number is 24-C-3371.\n\n"
        "Damage to the insured vehicle: front bumper, bonnet and radiator. Repair estimate from the "
        "approved body shop: JPY 412,500 including tax. Damage to the third-party vehicle: rear bumper and "
        "tailgate, estimate JPY 236,000.\n\n"
        "The insured has comprehensive cover with a JPY 50,000 deductible. Liability appears clear "
        "(rear-end collision). Recommendation: approve repair of the insured vehicle and settle the "
        "third-party property damage directly with the other party's insurer.",
    ),
    (
        "insurance_claim",
        "On the morning of 3 February, staff at the policyholder's restaurant in Sapporo (Hoppo Dining "
        "Co., Ltd., policy CP-118402) discovered water leaking from the ceiling of the kitchen. The "
        "building manager found that a water pipe in the unheated space above the ceiling had frozen and "
        "burst overnight when the outside temperature fell to minus 14 degrees. Water damaged the ceiling "
        "panels, a commercial refrigerator, two induction cookers and a stock of frozen ingredients. The "
        "restaurant was closed for five days for drying and repairs. The policyholder claims JPY "
        "1,870,000 for equipment and repairs, JPY 240,000 for spoiled stock, and a business interruption "
        "loss of JPY 950,000 based on average daily sales. The adjuster visited on 6 February, confirmed "
        "the cause, and has requested the purchase invoices for the refrigerator and cookers and the last "
        "three months of sales records to verify the business interruption amount.",
    ),
    (
        "insurance_claim",
        "Marine Cargo Claim Summary\n"
        "Claim no.: MCG-2024-0218\n"
        "Assured: Sakuragawa Electronics Co., Ltd.\n"
        "Shipment: 6 pallets of printed circuit boards, Kaohsiung to Tokyo, container TGHU 884512-0\n"
        "Vessel arrival: 11 March\n\n"
        "Loss: On devanning at the assured's warehouse on 13 March, two pallets were found wet. The "
        "surveyor's report (15 March) identifies condensation inside the container; desiccant bags were "
        "saturated and the container ventilation was closed. 1,920 boards on the two pallets failed "
        "moisture inspection and were scrapped.\n\n"
        "Amount claimed: USD 58,560 (1,920 boards x USD 30.50 invoice value) plus survey fee USD 850.\n\n"
        "Cover: Institute Cargo Clauses (A). Container sweat is not excluded.\n\n"
        "Next steps: recovery action against the carrier to be considered; notice of claim sent to the "
        "carrier on 14 March.",
    ),
    # ------------------------------------------------------------------ loan memos
    (
        "loan_memo",
        "Credit Memo Summary\n"
        "Borrower: Yamabuki Metal Works Co., Ltd. (Higashiosaka)\n"
        "Request: Equipment loan JPY 85 million, 7 years, 12-month grace on principal\n"
        "Purpose: Purchase of two 5-axis machining centres to meet increased orders from an automotive "
        "tier-1 supplier.\n\n"
        "Financials (FY ending March 2024): Sales JPY 1.42 billion (+11% y/y); operating profit JPY 96 "
        "million (6.8% margin); interest-bearing debt JPY 610 million; equity ratio 31%.\n\n"
        "Repayment capacity: Projected free cash flow of JPY 120 million per year covers annual debt "
        "service of approximately JPY 105 million (DSCR 1.14x) after the grace period. Sensitivity: a 10% "
        "sales decline reduces DSCR to 0.98x.\n\n"
        "Collateral: first lien on the new machines (appraised at 60% of cost) and a guarantee from the "
        "Credit Guarantee Corporation covering 80%.\n\n"
        "Risks: customer concentration (top customer 38% of sales).\n"
        "Recommendation: Approve, with a covenant to maintain the equity ratio above 25%.",
    ),
    (
        "loan_memo",
        "Memo to Credit Committee: Housing loan exception request, application HL-2024-3381. The "
        "applicants, a married couple aged 34 and 32, request a 35-year loan of JPY 52 million for a new "
        "condominium in Kawasaki priced at JPY 58 million. Combined annual income is JPY 11.4 million, "
        "giving a debt-to-income ratio of 29.6% at the screening rate, within our 35% limit. The "
        "exception concerns employment history: the main applicant changed jobs seven months ago, below "
        "our usual requirement of one year with the current employer. The move was within the same "
        "industry (software engineering) with a 14% salary increase, confirmed by the offer letter and "
        "two payslips. The applicants have savings of JPY 9.1 million after the down payment and no other "
        "debt. The branch recommends approval with the standard group credit life insurance; the Credit "
        "Risk Department concurs subject to receipt of the second applicant's latest tax withholding slip.",
    ),
    (
        "loan_memo",
        "Annual Review - Working Capital Facility\n"
        "Borrower: Kanda Plating Industries Co., Ltd.\n"
        "Facility: Revolving line JPY 150 million (utilisation at review date: JPY 118 million)\n"
        "Internal rating: 6 (unchanged)\n\n"
        "Performance: FY2023 sales fell 7% to JPY 2.05 billion due to lower orders from automotive "
        "customers, and operating profit fell to JPY 31 million (1.5% margin). Quality problems with two "
        "customers in the second half led to return costs of about JPY 12 million.\n\n"
        "Covenant: Net debt/EBITDA of 4.6x exceeded the 4.0x covenant. Management has requested a "
        "one-time waiver and presented an improvement plan including a new plating line control system "
        "and price increases of 3-5% agreed with three major customers from April.\n\n"
        "Recommendation: Renew the facility for 12 months at JPY 150 million, grant the covenant waiver "
        "for FY2023, and require quarterly management accounts and a quarterly meeting with the "
        "relationship manager.",
    ),
    # ------------------------------------------------------------------ audit findings
    (
        "audit_finding",
        "Internal Audit Report IA-24-07 - Finding 3 (Rating: High)\n"
        "Title: Privileged access to the payments system not reviewed\n\n"
        "Observation: We reviewed 42 accounts with administrator privileges on the domestic payments "
        "system. Nine accounts belonged to staff who had moved to other departments between 4 and 14 "
        "months earlier. Two generic accounts (PAYADM01, PAYADM02) were used by the vendor for emergency "
        "fixes and allowed changes to be made that bypass the approval workflow. The quarterly access "
        "review required by IT Security Standard 5.2 had not been performed since Q2 of last year.\n\n"
        "Risk: Unauthorised or untraceable changes to payment processing could lead to financial loss "
        "and regulatory breach.\n\n"
        "Recommendation: (1) Remove the nine unnecessary accounts immediately. (2) Replace the generic "
        "vendor accounts with named, time-limited accounts issued through the privileged access "
        "management tool. (3) Resume quarterly access reviews with sign-off by the system owner.\n\n"
        "Management response: Agreed. Actions 1 and 2 to be completed by 31 July; action 3 from Q3.",
    ),
    (
        "audit_finding",
        "Audit finding F-02: Inventory count differences not investigated\n\n"
        "During the year-end stock count at the Kumamoto warehouse on 31 March, differences between "
        "physical and book quantities were recorded for 63 SKUs, with a net value of minus JPY 2.7 "
        "million. Adjustments were posted to the ledger on 5 April, but no root cause analysis was "
        "documented for the 12 SKUs with differences above JPY 50,000. Two of these SKUs showed "
        "differences in three consecutive counts.\n\n"
        "Recommendation: Warehouse management should investigate significant differences within 10 "
        "business days and record the cause (e.g. unrecorded scrap, picking error, theft) in the count "
        "file before adjustments are approved by Finance.\n\n"
        "Management action plan: Procedure to be revised by 30 June. Owner: Logistics Manager, Kyushu "
        "region.",
    ),
    (
        "audit_finding",
        "Finding 5 - Supplier master data changes (Medium). Condition: Of 25 changes to supplier bank "
        "account details tested, 4 were made on the basis of an e-mail request without a call-back to the "
        "supplier using a number from the master file, contrary to procedure AP-04. Cause: Temporary staff "
        "in Accounts Payable during the peak period had not received training on the call-back "
        "requirement. Effect: Increased risk of payment fraud through fake change requests; no losses "
        "were identified in the sample. Recommendation: Enforce a system control requiring the call-back "
        "reference before bank details can be saved, and include AP-04 in the induction for temporary "
        "staff. Response: Agreed. IT to implement the mandatory field by the end of Q2 (ticket AP-SYS-311).",
    ),
    # ------------------------------------------------------------------ quality reports
    (
        "quality_report",
        "Monthly Quality Report - Nagoya Plant, October\n\n"
        "1. Key indicators\n"
        "- Customer complaints: 3 (target: 4 or fewer)\n"
        "- Internal defect rate: 0.82% (September: 0.95%)\n"
        "- Customer PPM: 27 (target 30)\n"
        "- Supplier PPM: 112 (target 100) - above target\n\n"
        "2. Main issues\n"
        "a) Burr on bracket part BR-4410 (Line 2). 1,140 parts sorted, 37 rejected. Cause: worn punch. "
        "Punch replaced on 12 October; tool life limit changed from 80,000 to 60,000 strokes.\n"
        "b) Supplier Kanda Plating: coating thickness out of tolerance on two lots of zinc-plated bolts. "
        "8D report requested; lots returned.\n\n"
        "3. Audits\n"
        "IATF 16949 surveillance audit on 23-24 October: 0 major, 2 minor nonconformities (calibration "
        "record, training matrix). Corrective actions due 22 November.\n\n"
        "4. Next month focus\n"
        "Reduce supplier PPM through monthly review meetings with the three worst-performing suppliers.",
    ),
    (
        "quality_report",
        "8D Report Summary - QR-2024-118\n"
        "Customer: Shirakaba Motors, Kyushu assembly\n"
        "Part: Hydraulic manifold block HM-220\n"
        "Problem: The customer found 2 manifolds where the internal bypass valve did not open at the "
        "specified pressure (specification: 2.5 +/- 0.2 MPa; measured 3.1 MPa).\n\n"
        "D3 Containment: 640 parts in stock and in transit inspected on a test bench; 3 additional "
        "defective parts found and scrapped.\n"
        "D4 Root cause: the spring for the bypass valve was supplied from a new lot with a spring rate 18% "
        "above drawing tolerance. Incoming inspection checked spring dimensions only, not spring force.\n"
        "D5/D6 Corrective action: supplier replaced the lot; incoming inspection now includes a force test "
        "on 5 springs per lot; 100% end-of-line pressure test added until 3 consecutive lots are "
        "confirmed OK.\n"
        "D7 Prevention: FMEA updated; similar springs on HM-180 and HM-260 added to the force test plan.\n"
        "Status: open, effectiveness check on 30 November.",
    ),
    (
        "quality_report",
        "Quality Assurance Weekly Summary - Tsubame Foods, Ebina Factory\n"
        "Week 14 (1-7 April)\n\n"
        "Microbiological testing: 148 samples tested, all within specification. One environmental swab in "
        "the packing room (zone 3) showed an elevated total plate count; the area was re-cleaned and "
        "re-swabbed with acceptable results on 4 April.\n\n"
        "Foreign matter: One complaint of a plastic fragment in a 500 g pack of frozen dumplings (lot "
        "240328-B). The fragment matched the blue scraper used on the forming line; the scraper was found "
        "with a chipped edge. All scrapers were inspected and two replaced. Metal-detectable scrapers are "
        "on order.\n\n"
        "Label checks: 100% compliant.\n\n"
        "HACCP: CCP2 (cooking core temperature) records complete; no deviations.\n\n"
        "Prepared by: QA Section, M. Hirose",
    ),
    # ------------------------------------------------------------------ weekly status reports
    (
        "weekly_status",
        "Weekly Status Report - Data Warehouse Migration\n"
        "Week ending 14 June\n"
        "Overall status: AMBER\n\n"
        "Progress this week\n"
        "- 38 of 52 source tables migrated to the new cloud warehouse (73%)\n"
        "- Reconciliation scripts completed for the sales and inventory domains\n"
        "- Performance test round 1 completed; 4 of 30 reports slower than target\n\n"
        "Issues and risks\n"
        "- Customer master extract fails for records with more than 255 characters in the address field "
        "(ticket DWM-214). Fix expected 18 June.\n"
        "- Two BI developers unavailable in week 26 due to training; may delay report migration by 3-5 "
        "days.\n\n"
        "Next week\n"
        "- Migrate finance tables (GL, AP, AR)\n"
        "- Start user acceptance testing with the Sales Planning team\n\n"
        "Budget: USD 412,000 spent of USD 560,000 (74%).",
    ),
    (
        "weekly_status",
        "Mobile Banking App - weekly update from the QA team (week 33). Regression testing for release 7.4 "
        "is 86% complete: 412 of 479 test cases passed, 19 failed, and 48 are still to run. Most failures "
        "relate to the new biometric login on older Android devices; two of these are rated major and "
        "have been passed to the development team (MBA-3120, MBA-3124). On Tuesday we had to reset the "
        "four test phones to factory settings after a provisioning profile problem, which cost about half "
        "a day. Accessibility testing with the external vendor starts on Monday. We still expect to sign "
        "off on 23 August as planned, provided the two major defects are fixed by 20 August.",
    ),
    (
        "weekly_status",
        "Weekly Sales Status - Industrial Components, Kansai Region\n"
        "Week 41\n\n"
        "Orders received: JPY 186.4 million (plan JPY 170 million, 110%)\n"
        "Year-to-date: JPY 6.91 billion (plan JPY 7.05 billion, 98%)\n\n"
        "Highlights\n"
        "- Won: conveyor bearing contract with Hanshin Packaging, JPY 42 million over 2 years.\n"
        "- Lost: gearbox tender at Kobe Marine Works to a European competitor; price gap about 8%.\n\n"
        "Pipeline (>50% probability): JPY 512 million, of which JPY 230 million is expected to close in "
        "November.\n\n"
        "Concerns: Delivery lead time for servo motors has increased to 14 weeks; three customers have "
        "asked for alternatives.\n\n"
        "Plan for next week: joint visit with the product manager to Otsu Machinery; quarterly review with "
        "the distributor in Kyoto.",
    ),
    # ------------------------------------------------------------------ training announcements
    (
        "training_announcement",
        "Training Announcement: Excel for Financial Analysis (Intermediate)\n\n"
        "Date: 12 and 13 September, 9:30-17:00\n"
        "Venue: Head Office, 8F Training Room A (also available online via Teams)\n"
        "Trainer: Mr. Gareth Evans, Evans Learning Partners\n"
        "Target: Staff in Finance, Planning and Credit departments who use Excel daily\n"
        "Capacity: 24 participants (in person), 40 (online)\n\n"
        "Content\n"
        "- Pivot tables and Power Query for monthly reporting\n"
        "- XLOOKUP, dynamic arrays and scenario analysis\n"
        "- Building a simple cash flow model\n"
        "- Good practices for model review and version control\n\n"
        "The course will be held in English with Japanese support materials. Participants should bring a "
        "laptop with Microsoft 365 installed.\n\n"
        "Please register on the Learning Portal by 30 August. The cost is covered by the department "
        "training budget (JPY 45,000 per participant).",
    ),
    (
        "training_announcement",
        "All employees must complete the annual Anti-Money Laundering and Sanctions e-learning by 31 "
        "January. The course takes about 45 minutes and ends with a 15-question test; the pass mark is "
        "80%. If you do not pass, you can repeat the test after reviewing the relevant chapters, up to "
        "three times. After a third unsuccessful attempt your manager will be informed and you will be "
        "enrolled in a classroom session. New topics this year include trade-based money laundering and "
        "the updated list of high-risk jurisdictions. Completion rates by department will be reported to "
        "the Compliance Committee in February. Access the course from the Learning Portal under My "
        "Mandatory Training. For technical problems, contact the e-learning helpdesk at ext. 2255.",
    ),
    (
        "training_announcement",
        "SAFETY TRAINING - FORKLIFT REFRESHER\n\n"
        "Who: all licensed forklift operators at the Minatogawa Freight Systems Chiba distribution centre\n"
        "When: choose one session\n"
        "  - Tue 4 June 08:30-11:30\n"
        "  - Thu 6 June 13:30-16:30\n"
        "  - Sat 8 June 08:30-11:30 (for night shift)\n"
        "Where: Training bay next to Dock 12\n\n"
        "Programme: review of last year's near-miss reports, load stability, pedestrian zones, and a "
        "practical driving check on the new course layout.\n\n"
        "Bring your forklift licence and safety shoes. Operators who do not attend a session by 30 June "
        "will not be allowed to operate forklifts until they complete the refresher.\n\n"
        "Sign up with your team leader. Questions: Safety Office, ext. 301.",
    ),
    # ------------------------------------------------------------------ press releases
    (
        "press_release",
        "FOR IMMEDIATE RELEASE\n\n"
        "Hoshizora Precision to build new plant in Kumamoto to meet demand for semiconductor equipment "
        "components\n\n"
        "Nagoya, Japan - 10 October 2024 - Hoshizora Precision Co., Ltd. today announced that it will "
        "invest approximately JPY 12 billion in a new manufacturing plant in Kikuyo, Kumamoto Prefecture. "
        "The plant will produce high-precision aluminium and stainless steel components for "
        "semiconductor manufacturing equipment.\n\n"
        "Construction will begin in April 2025, with production scheduled to start in the second half of "
        "2026. The plant will have a floor area of about 18,000 square metres and is expected to create "
        "220 jobs when fully operational. Rooftop solar panels will supply about 30% of the plant's "
        "electricity.\n\n"
        "'Demand from our customers in the semiconductor industry continues to grow, and this investment "
        "will allow us to shorten lead times and support the development of the industry in Kyushu,' "
        "said President and CEO Takeshi Hoshino.\n\n"
        "About Hoshizora Precision\n"
        "Founded in 1962, Hoshizora Precision is a manufacturer of precision machined components, with "
        "2,100 employees and annual sales of JPY 64 billion.\n\n"
        "Media contact: Corporate Communications, press@hoshizora-precision.example",
    ),
    (
        "press_release",
        "PRESS RELEASE\n"
        "Kitamura Mutual Insurance and Hikari Mobility launch pay-per-use insurance for car sharing\n\n"
        "Tokyo, 3 June - Kitamura Mutual Insurance and car-sharing operator Hikari Mobility Inc. today "
        "launched a pay-per-use insurance product that covers drivers only for the minutes they use a "
        "shared vehicle. The premium, from JPY 16 per 15 minutes, is added automatically to the rental "
        "fee. Cover includes unlimited third-party liability, vehicle damage with a deductible of JPY "
        "20,000, and personal injury for the driver and passengers.\n\n"
        "The service is available from today for Hikari Mobility's 180,000 members in the Tokyo, Osaka "
        "and Fukuoka areas.\n\n"
        "Media inquiries: Public Relations Office, Kitamura Mutual Insurance.",
    ),
    # ------------------------------------------------------------------ FAQs
    (
        "faq",
        "Mobile App Testing - Frequently Asked Questions (internal)\n\n"
        "Q: How do I install a beta build on an Android test device?\n"
        "A: Enable developer mode on the test phone (Settings > About phone > tap Build number seven "
        "times), then turn on USB debugging. Install the build from the internal distribution site using "
        "your company account. Never enable developer mode on a personal phone used for work e-mail.\n\n"
        "Q: Can I use my own iPhone for testing?\n"
        "A: No. Only devices registered in the QA device inventory may be used, because they are enrolled "
        "in the test MDM profile.\n\n"
        "Q: The app says 'certificate not trusted' on the staging server.\n"
        "A: Install the staging root certificate from the QA wiki page 'Device setup'. Do not install it "
        "on production devices.\n\n"
        "Q: Where do I report a crash?\n"
        "A: Create a ticket in Jira project MBA with the device model, OS version, build number and the "
        "steps to reproduce.\n\n"
        "Q: Who manages the device cabinet?\n"
        "A: QA Lab, 5F. Devices must be signed out and returned the same day.",
    ),
    (
        "faq",
        "IT Service Desk FAQ: Passwords and Accounts\n\n"
        "How do I reset my password?\n"
        "Go to the self-service portal at https://password.corp.example from a company PC or VPN, enter "
        "your employee ID, and verify with the authenticator app. You can reset your password up to three "
        "times a day. If your account is locked, wait 15 minutes or call the Service Desk.\n\n"
        "How often must I change my password?\n"
        "Passwords no longer expire every 90 days. You only need to change it if you suspect it has been "
        "exposed or if the Service Desk asks you to.\n\n"
        "What makes a good password?\n"
        "Use at least 14 characters. A passphrase of four or more unrelated words is easier to remember "
        "than a short complex password.\n\n"
        "Will the Service Desk ever ask for my password?\n"
        "No. Staff will never ask for your password by phone, e-mail or chat.",
    ),
    (
        "faq",
        "Frequently Asked Questions - Foreign Currency Deposits\n\n"
        "Which currencies can I deposit? USD, EUR, AUD, GBP, NZD and CAD.\n\n"
        "Is there a minimum amount? The minimum for a time deposit is the equivalent of USD 1,000. "
        "Ordinary deposits have no minimum.\n\n"
        "What are the exchange fees? When converting from yen, a fee of JPY 0.50 per USD (JPY 1.00 for "
        "other currencies) is included in the exchange rate. Online banking offers reduced fees.\n\n"
        "Are foreign currency deposits protected by deposit insurance? No. Foreign currency deposits are "
        "not covered by the deposit insurance system.\n\n"
        "Can I lose money? Yes. If the yen strengthens, you may receive less yen than you originally "
        "deposited, even after interest.\n\n"
        "How is interest taxed? Interest is subject to 20.315% withholding tax.",
    ),
    # ------------------------------------------------------------------ recruiting notes
    (
        "recruiting_notes",
        "Interview notes - Position: Senior Data Engineer (req. DE-0422)\n"
        "Candidate: C-1187 (name withheld)\n"
        "Interviewers: M. Abe, J. Carter\n"
        "Date: 18 April, 14:00-15:00 (video)\n\n"
        "Experience: 7 years, mostly in e-commerce; built streaming pipelines with Kafka and Spark; some "
        "Airflow. Limited exposure to regulated industries.\n\n"
        "Technical exercise: designed an ingestion pipeline for card transactions. Good handling of "
        "late-arriving data and idempotency; did not mention PII masking until prompted.\n\n"
        "Communication: clear, structured answers in English. Japanese at conversational level (JLPT N2, "
        "self-reported).\n\n"
        "Concerns: notice period 3 months; salary expectation JPY 13-14 million, upper end of band.\n\n"
        "Recommendation: proceed to final round with the head of data platform. Ask about data "
        "governance experience.",
    ),
    (
        "recruiting_notes",
        "Note to recruiting agencies - Plant Maintenance Engineer, Kariya. Thank you for your support on "
        "this search. Please treat the job description sent on 2 May as void and use the updated version "
        "attached. The main changes are: the role now reports to the Maintenance Manager rather than the "
        "Production Manager, and experience with PLC programming is now required, not preferred. Other "
        "details are unchanged: full-time, day shift with an on-call rotation once every four weeks, "
        "salary range JPY 6.0-8.5 million depending on experience, relocation support available. We "
        "would like to receive CVs by 14 June. Candidates must be able to work in Japanese on the shop "
        "floor; English is an advantage as the engineer will work with our Thai and Mexican sites. Please "
        "send profiles to recruit-kariya@hoshizora-precision.example.",
    ),
    # ------------------------------------------------------------------ expense policy
    (
        "expense_policy",
        "Travel and Expense Policy - Section 6: Meals and Entertainment\n\n"
        "6.1 Daily meal allowance on domestic business trips: JPY 2,500 for trips of more than 6 hours, "
        "JPY 4,000 for overnight trips. No receipts required.\n"
        "6.2 Overseas trips: per diem according to the country table in Appendix C (for example, USD 80 "
        "for the United States, EUR 70 for Germany).\n"
        "6.3 Client entertainment must be pre-approved by a department manager when the cost exceeds JPY "
        "10,000 per person. Amounts above JPY 20,000 per person require approval by the division head.\n"
        "6.4 Receipts and a list of attendees (name, company, position) must be attached to every "
        "entertainment claim.\n"
        "6.5 Alcohol is reimbursable only as part of client entertainment.\n"
        "6.6 Entertainment of public officials is prohibited except as permitted by the Anti-Bribery "
        "Policy.",
    ),
    (
        "expense_policy",
        "Update to the Expense Policy - Taxi Use. From 1 July, the previous rules on taxi use no longer "
        "apply and are replaced by the following. Taxis may be used for business purposes only when (a) "
        "public transport is not available, (b) the employee is carrying heavy samples or equipment, (c) "
        "travelling between 22:00 and 06:00, or (d) the employee has a medical reason documented with HR. "
        "For taxi fares above JPY 5,000 per ride, the reason must be entered in the expense system. The "
        "company taxi app must be used where available so that fares are charged directly to the cost "
        "centre. Personal taxi receipts will be reimbursed only when the app cannot be used. Please "
        "contact the Finance Helpdesk with any questions.",
    ),
    # ------------------------------------------------------------------ security awareness
    (
        "security_awareness",
        "SECURITY AWARENESS NOTICE - Phishing e-mails pretending to be from IT\n\n"
        "Over the past week, several colleagues have received e-mails that appear to come from 'IT "
        "Support' and tell the recipient to 'reset your password' by clicking a link. The link leads to "
        "a fake login page designed to steal credentials.\n\n"
        "How to recognise these messages:\n"
        "- The sender address ends in a domain that is not ours (e.g. corp-support-help.example)\n"
        "- The message creates urgency: 'Your mailbox will be deleted in 24 hours'\n"
        "- The link text and the real link destination are different (hover over it to check)\n\n"
        "What to do:\n"
        "1. Do not click the link or open attachments.\n"
        "2. Use the 'Report Phishing' button in Outlook.\n"
        "3. If you already entered your password, reset it immediately through the official portal and "
        "call the Service Desk at ext. 7000.\n\n"
        "Remember: IT will never ask you to reset your password through a link in an e-mail.",
    ),
    (
        "security_awareness",
        "Information Security Tip of the Month: Tailgating. Our offices use badge readers to control who "
        "enters secure areas, but they only work if everyone uses their own badge. Tailgating means "
        "following someone through a secure door without badging in, and it is one of the easiest ways "
        "for an unauthorised person to get into the building. Please do not hold doors open for people "
        "you do not recognise, even if they look like they belong here or are carrying boxes. Politely "
        "ask them to badge in or direct them to reception. If you forget your badge, get a temporary one "
        "from reception rather than asking colleagues to let you in. Report suspicious people to Security "
        "at ext. 110. In last month's test, an external assessor entered two of our floors by tailgating "
        "- let's make sure that does not happen again.",
    ),
    (
        "security_awareness",
        "Reminder: Handling of Removable Media and Printed Documents\n\n"
        "To protect customer information, the following rules apply at all Seiran Trust Bank offices:\n\n"
        "- USB memory sticks may only be used if they are encrypted company-issued devices registered "
        "with IT. Personal USB devices are blocked.\n"
        "- Do not connect devices you find in the office or car park; hand them to Security.\n"
        "- Printed documents containing customer data must be collected from the printer immediately "
        "(use Secure Print).\n"
        "- At the end of the day, lock documents in your cabinet and put confidential waste in the locked "
        "shredding bins.\n"
        "- When working remotely, do not print customer documents at home.\n\n"
        "Spot checks will be carried out by the Information Security Office in November. Results will be "
        "shared with department heads.",
    ),
    # ------------------------------------------------------------------ product specifications
    (
        "product_specification",
        "Product Specification - Servo Motor SM-750A\n\n"
        "Rated output: 750 W\n"
        "Rated voltage: 200 V AC (3-phase)\n"
        "Rated torque: 2.39 N m\n"
        "Maximum torque: 7.16 N m\n"
        "Rated speed: 3,000 r/min; maximum speed: 6,000 r/min\n"
        "Encoder: 23-bit absolute, battery-less\n"
        "Rotor inertia: 1.26 x 10^-4 kg m2\n"
        "Protection class: IP67 (excluding shaft through-hole)\n"
        "Insulation class: F\n"
        "Ambient temperature: 0 to 40 C (operation), -20 to 60 C (storage)\n"
        "Mass: 2.8 kg (without brake), 3.4 kg (with brake)\n"
        "Options: holding brake 24 V DC, oil seal, keyed shaft\n"
        "Compatible drives: SD-3 series (firmware 2.10 or later)\n"
        "Standards: CE, UL, RoHS\n\n"
        "Note: Specifications are subject to change without notice. Refer to the instruction manual for "
        "mounting and wiring details.",
    ),
    (
        "product_specification",
        "Technical Specification: Edge Gateway EG-210 (for factory IoT)\n\n"
        "Processor: quad-core ARM Cortex-A53, 1.4 GHz\n"
        "Memory: 2 GB RAM, 16 GB eMMC\n"
        "Interfaces: 2 x Gigabit Ethernet, 1 x RS-485 (Modbus RTU), 4 x digital input, 2 x relay output, "
        "1 x USB 2.0\n"
        "Wireless: optional LTE Cat-4 module\n"
        "Protocols: OPC UA, MQTT, Modbus TCP/RTU\n"
        "Power: 12-24 V DC, typical consumption 6 W\n"
        "Operating temperature: -20 to 60 C\n"
        "Mounting: DIN rail\n\n"
        "Configuration: All parameters are stored in a YAML file. Local settings can override the default "
        "values pushed from the central management server, except security settings, which are locked. A "
        "factory reset button restores the original configuration; a new password must be set on first "
        "login after a reset.\n\n"
        "Warranty: 3 years.",
    ),
    # ------------------------------------------------------------------ requests for quotation
    (
        "request_for_quotation",
        "REQUEST FOR QUOTATION\n"
        "RFQ No.: RFQ-2024-0562\n"
        "Issued by: Purchasing Department, Kawase Chemical Industries Co., Ltd.\n"
        "Date of issue: 4 March\n"
        "Deadline for quotation: 22 March, 17:00 JST\n\n"
        "Item: Stainless steel storage tanks (SUS316L), 10 m3, vertical, with agitator\n"
        "Quantity: 3 units\n"
        "Delivery: Ichihara Works, no later than 31 October\n\n"
        "Requirements\n"
        "1. Design pressure: atmospheric; design temperature 80 C\n"
        "2. Internal finish: electropolished, Ra 0.4 um or better\n"
        "3. Nozzles and manholes according to attached drawing DWG-T-1043 rev. B\n"
        "4. Inspection: hydrostatic test and material certificates (EN 10204 3.1)\n\n"
        "Please state the unit price, delivery lead time, payment terms, and validity of the offer "
        "(minimum 90 days). Prices in JPY, excluding consumption tax, delivered to site.\n\n"
        "Contact: Ms. Yoko Mizuno, purchasing@kawase-chem.example",
    ),
    (
        "request_for_quotation",
        "Request for Quotation: Managed Security Operations Centre (SOC) Service. Minatogawa Freight "
        "Systems invites qualified vendors to submit a quotation for a 24x7 managed SOC service covering "
        "approximately 1,800 endpoints, 60 servers and two data centres in Japan. The service should "
        "include log collection and monitoring, alert triage with escalation in English and Japanese, "
        "monthly reporting, and incident response support of up to 40 hours per year. Quotations should "
        "show a monthly fee for a three-year contract, onboarding costs, and rates for additional incident "
        "response hours. Please submit your response, including at least two customer references in "
        "logistics or manufacturing, by 15 August to it-procurement@minatogawa-freight.example. A "
        "clarification meeting will be held online on 25 July.",
    ),
    # ------------------------------------------------------------------ complaint handling logs
    (
        "complaint_log",
        "Complaint Handling Log - Case CH-24-08813\n"
        "Product: Credit card (Seiran Gold)\n"
        "Channel: Phone, then e-mail\n\n"
        "05 Aug 10:12 - Customer called to dispute a charge of JPY 38,500 from an online retailer dated "
        "29 July, stating she had not made the purchase. Agent blocked the card and issued a replacement. "
        "Dispute form sent by e-mail.\n"
        "06 Aug 16:40 - Customer e-mailed: she found the purchase was made by her daughter using a family "
        "account and asked us to disregard the dispute. She apologised for the trouble.\n"
        "07 Aug 09:05 - Dispute withdrawn in the system. Customer asked whether the card block could be "
        "lifted; explained that the replacement card has already been issued and will arrive within 5 "
        "business days. Customer accepted.\n"
        "07 Aug 09:20 - Case closed. Root cause: not a bank error. No compensation.",
    ),
    (
        "complaint_log",
        "Customer Complaint Log (extract)\n\n"
        "Ref | Date | Customer | Issue | Status\n"
        "CC-311 | 02/09 | Otsu Machinery | Wrong label on carton (part no. swapped) | Closed - label check "
        "added at packing\n"
        "CC-312 | 05/09 | Hanshin Packaging | Late delivery, 3 days | Closed - carrier delay, credit JPY "
        "15,000\n"
        "CC-313 | 09/09 | Kobe Marine Works | Rust on bearing outer ring | Open - samples received 12/09, "
        "lab analysis pending\n"
        "CC-314 | 11/09 | Shirakaba Motors | Missing certificate of conformity | Closed - certificate "
        "resent same day\n"
        "CC-315 | 16/09 | Otsu Machinery | Noise from gearbox at 1,500 rpm | Open - field visit planned "
        "24/09\n\n"
        "Summary: 5 complaints in September (August: 7). Average time to close: 4.3 days. The two open "
        "cases will be reviewed at the quality meeting on 26/09.",
    ),
    (
        "complaint_log",
        "Complaint record: KM-CMP-2024-0274\n"
        "Received: 12 March via customer centre\n"
        "Policyholder: Mr. R. Fernandes (home insurance)\n\n"
        "Summary of complaint: The customer is unhappy that his claim for a broken window (JPY 64,000) "
        "took six weeks to be paid and that he had to call three times to get an update. He also says the "
        "adjuster did not return his calls.\n\n"
        "Investigation: The claim file shows that the repair invoice was received on 24 January, but the "
        "file was not assigned to an adjuster until 9 February because of a backlog after the January "
        "storms. Payment was made on 6 March. Call records confirm three calls from the customer; two "
        "call-back requests were not actioned.\n\n"
        "Outcome: Complaint upheld. Apology letter sent on 15 March with a goodwill payment of JPY 5,000. "
        "Call-back handling has been added to the claims team's weekly review.\n"
        "Closed: 15 March.",
    ),
    # ------------------------------------------------------------------ release notes
    (
        "release_notes",
        "Release Notes - OrderHub 5.3.0\n"
        "Release date: 19 February\n\n"
        "New features\n"
        "- Bulk order import from CSV now supports up to 5,000 lines (previously 1,000).\n"
        "- Customers can save frequently used delivery addresses.\n"
        "- Administrators can override the default setting for order confirmation language per customer "
        "account (English, Japanese, Thai).\n\n"
        "Improvements\n"
        "- Order search is about 40% faster for accounts with more than 100,000 orders.\n"
        "- PDF invoices now show the qualified invoice registration number.\n\n"
        "Bug fixes\n"
        "- Fixed: discount codes were applied twice when the page was refreshed (OH-2291).\n"
        "- Fixed: incorrect time zone in shipment notification e-mails for customers in Singapore "
        "(OH-2307).\n\n"
        "Known issues\n"
        "- Safari 16: the date picker may display in English even when Japanese is selected. Workaround: "
        "type the date manually.\n\n"
        "Upgrade: no action needed for cloud customers.",
    ),
    (
        "release_notes",
        "Version 2.8.1 (hotfix) - Attendance Manager mobile app. This update fixes a problem where "
        "clock-in times recorded without a network connection were not uploaded when the connection was "
        "restored, causing missing attendance records for some users since version 2.8.0. Records stored "
        "on the device will be uploaded automatically after the update. If you clocked in or out offline "
        "between 1 and 6 May, please check your records in the web portal and contact your manager if any "
        "entries are still missing. The update also improves battery use when location check-in is "
        "enabled. Please install the update from the company app store by 10 May.",
    ),
    (
        "release_notes",
        "Internal AI Assistant 'Kumo' - Release 1.6 notes (IT Innovation Team)\n\n"
        "What's new\n"
        "- Answers now include links to the source documents in the policy library.\n"
        "- The system prompt has been updated so that the assistant replies in the language of the "
        "question (English or Japanese) and reminds users not to enter customer personal data.\n"
        "- Upload limit raised to 20 MB per file; larger files are ignored and a warning message is "
        "shown.\n\n"
        "Fixes\n"
        "- Tables in PDF files are no longer split across answers.\n"
        "- Dates in Japanese era format (e.g. Reiwa 6) are converted correctly.\n\n"
        "Reminder: Kumo is for internal use only. Do not use it for credit decisions or to draft customer "
        "communications without review. Feedback: #kumo-feedback channel.",
    ),
]
