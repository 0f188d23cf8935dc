// Demo community content for Peerdesk: support forum for "Ledgerly", a fictional cloud invoicing
// and bookkeeping app. All people and companies here are fictional.
//
// Conventions used below:
// - Bodies are markdown. Inside template literals, backticks are escaped as \` and a literal
//   backslash (e.g. a shell line continuation) is written as \\.
// - daysAgo / hoursAfter are chosen so that every answer lies in the past.

import type { DemoUser, DemoQuestion, DemoKnowledgeArticle } from "./demo-types";

export const demoUsers: DemoUser[] = [
  { key: "admin", displayName: "Maya Okafor (Ledgerly)", email: "admin@ledgerly.example", role: "admin", joinedDaysAgo: 390 },
  { key: "staff1", displayName: "Tomás Reyes (Ledgerly)", email: "staff1@ledgerly.example", role: "staff", joinedDaysAgo: 330 },
  { key: "staff2", displayName: "Priya Nair (Ledgerly)", email: "staff2@ledgerly.example", role: "staff", joinedDaysAgo: 240 },

  // Superusers: customers who answer a lot.
  { key: "super1", displayName: "Gwen Halloran", email: "gwen.halloran@example.com", role: "customer", joinedDaysAgo: 365 },
  { key: "super2", displayName: "Dev Brightwater", email: "dev.brightwater@example.com", role: "customer", joinedDaysAgo: 300 },
  { key: "super3", displayName: "Sunita Rao", email: "sunita.rao@example.com", role: "customer", joinedDaysAgo: 280 },
  { key: "super4", displayName: "Oskar Lindqvist", email: "oskar.lindqvist@example.com", role: "customer", joinedDaysAgo: 170 },

  // Ordinary customers.
  { key: "cust1", displayName: "Barry Tillman", email: "barry.tillman@example.com", role: "customer", joinedDaysAgo: 190 },
  { key: "cust2", displayName: "Chloe Marchetti", email: "chloe.marchetti@example.com", role: "customer", joinedDaysAgo: 170 },
  { key: "cust3", displayName: "Imran Qadir", email: "imran.qadir@example.com", role: "customer", joinedDaysAgo: 150 },
  { key: "cust4", displayName: "Hannah Voss", email: "hannah.voss@example.com", role: "customer", joinedDaysAgo: 130 },
  { key: "cust5", displayName: "Leo Fairbanks", email: "leo.fairbanks@example.com", role: "customer", joinedDaysAgo: 125 },
  { key: "cust6", displayName: "Aoife Brennan", email: "aoife.brennan@example.com", role: "customer", joinedDaysAgo: 90 },
  { key: "cust7", displayName: "Marcus Delaney", email: "marcus.delaney@example.com", role: "customer", joinedDaysAgo: 60 },
  { key: "cust8", displayName: "Yuki Tanaka-Hill", email: "yuki.tanakahill@example.com", role: "customer", joinedDaysAgo: 30 },
  { key: "cust9", displayName: "Sam Oduya", email: "sam.oduya@example.com", role: "customer", joinedDaysAgo: 8 },
];

export const demoQuestions: DemoQuestion[] = [
  // 0
  {
    author: "cust1",
    title: "Bank feed stopped importing transactions after my bank changed its online banking",
    body: `Since about the 3rd my Northgate Bank feed hasn't pulled anything in. The last imported transaction is from the 2nd. The bank sent a letter saying they were "upgrading online banking", which I guess is related.

In **Settings → Bank accounts** it still says *Connected* with a green tick, and clicking **Refresh now** just spins for a bit and then says "No new transactions". There definitely are new transactions, I've got 30-odd on the statement.

Things I've tried:
- Logging out and back in
- Refresh now (about 10 times)
- Checked in the mobile app too, same thing

I don't want to disconnect it in case I lose the history. Any ideas?`,
    tags: ["bank-feeds", "reconciliation"],
    daysAgo: 118,
    upvoters: ["super1", "super4", "staff1", "cust2"],
    answers: [
      {
        author: "super1",
        hoursAfter: 3,
        accepted: true,
        upvoters: ["staff1", "staff2", "super3", "super4", "admin", "cust2"],
        body: `This happens every time a bank moves to a new online banking platform. The old consent still looks valid to Ledgerly (hence the green tick) but the bank isn't sending anything through it any more.

You don't lose history by re-authorising. Do it like this:

1. **Settings → Bank accounts → (your account) → Manage connection**
2. Choose **Re-authorise** — *not* Disconnect. Re-authorise keeps the same bank account record, so existing transactions, bank rules and reconciliations stay put.
3. Log in through your bank's new screen and approve access again.
4. Back in Ledgerly, click **Refresh now**. It backfills from the last imported date (up to 90 days).

If *Re-authorise* isn't offered, your bank has been moved to a new provider and you'll need to add it as a new connection, then pick **Merge into existing account** when prompted. Again, nothing is deleted.

Once it's flowing again, check the first couple of days after the gap for duplicates — occasionally the bank re-sends a day's worth.`,
        comments: [{ author: "cust1", body: "Re-authorise did it, 34 transactions came straight through. Thanks Gwen!" }],
      },
      {
        author: "staff1",
        hoursAfter: 20,
        upvoters: ["super1"],
        body: `Just to add to Gwen's answer: we've seen a batch of Northgate customers affected by their platform change this week, and re-authorising fixes it in every case we've looked at.

If you still get "No new transactions" after re-authorising, reply here and I'll raise it with our bank-feed provider.`,
      },
    ],
  },
  // 1
  {
    author: "cust2",
    title: "How do I change the invoice number sequence? I want to start from INV-2025-0147",
    body: `We've just switched over from spreadsheets and Ledgerly started numbering our invoices at INV-0001. Our accountant wants the year in the number and to continue from where our old system left off.

Ideally:
- prefix: \`INV-2025-\`
- next number: 0147 (we'd already sent 146 invoices this year)

I can't see where to set this. I found the prefix field under Invoice settings but the number itself is greyed out. Is it because I've already sent 3 invoices from Ledgerly?`,
    tags: ["invoices"],
    daysAgo: 115,
    upvoters: ["super1", "staff2", "cust4"],
    comments: [
      {
        author: "super3",
        body: "If your accountant worries about gaps in the sequence: voided invoices keep their number, so you won't get gaps from voiding.",
      },
    ],
    answers: [
      {
        author: "staff2",
        hoursAfter: 2.5,
        accepted: true,
        upvoters: ["super1", "super3", "admin", "staff1", "cust4", "cust5", "super4", "cust3"],
        body: `Yes — the *Next number* field locks once you've sent an invoice, but you can still change it. It's just behind an extra step so nobody does it by accident.

1. Go to **Settings → Invoices → Numbering**
2. Click **Unlock numbering** and confirm
3. Set **Prefix** to \`INV-2025-\`
4. Set **Next number** to \`147\` and **Minimum digits** to \`4\` (that gives you \`0147\`)
5. Save

A few things to know:

- Numbers must stay unique. Ledgerly won't let you pick a next number that would collide with an existing invoice with the same prefix.
- Changing the prefix doesn't renumber invoices you've already sent. Your three existing invoices stay as \`INV-0001\`–\`INV-0003\`. If they're unpaid and you want them to match, void and re-issue them.
- If you want the year to roll over automatically, tick **Reset yearly** and use the \`{YYYY}\` token in the prefix: \`INV-{YYYY}-\`. On 1 January it goes back to 0001 with the new year.`,
      },
    ],
  },
  // 2
  {
    author: "super2",
    title: 'Webhook signature verification always fails in Node/Express — "signature mismatch"',
    body: `I'm verifying the \`Ledgerly-Signature\` header as described in the docs and it never matches. The secret is copied straight from Settings → Developers → Webhooks.

\`\`\`js
app.use(express.json());

app.post('/hooks/ledgerly', (req, res) => {
  const sig = req.header('Ledgerly-Signature');
  const expected = crypto
    .createHmac('sha256', process.env.LEDGERLY_WEBHOOK_SECRET)
    .update(JSON.stringify(req.body))
    .digest('hex');
  if (sig !== expected) return res.status(401).send('signature mismatch');
  res.sendStatus(200);
});
\`\`\`

The header looks like \`t=1718022215,v1=5f2c…\`. I've tried comparing against the whole header and against the part after \`v1=\`. Neither matches. Anyone got this working?`,
    tags: ["api", "webhooks"],
    daysAgo: 112,
    upvoters: ["staff1", "super4", "cust7", "super1"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 5,
        accepted: true,
        upvoters: ["super4", "admin", "staff2", "super1", "cust7"],
        body: `Two things are going wrong:

**1. You're hashing re-serialised JSON, not the raw body.** \`express.json()\` parses the body, and \`JSON.stringify\` produces different bytes (whitespace, key order, unicode escaping). The signature is over the exact bytes we sent, so use the raw body for this route.

**2. The signed payload is \`t + "." + body\`**, not just the body. \`t\` is the timestamp from the header and \`v1\` is the hex HMAC.

\`\`\`js
app.post('/hooks/ledgerly', express.raw({ type: 'application/json' }), (req, res) => {
  const header = req.header('Ledgerly-Signature') ?? '';
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const signed = parts.t + '.' + req.body.toString('utf8');
  const expected = crypto
    .createHmac('sha256', process.env.LEDGERLY_WEBHOOK_SECRET)
    .update(signed)
    .digest('hex');
  const ok = parts.v1 && expected.length === parts.v1.length &&
    crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1));
  if (!ok) return res.status(401).end();
  const event = JSON.parse(req.body);
  // ... handle event
  res.sendStatus(200);
});
\`\`\`

Also reject events where \`t\` is more than 5 minutes old, to avoid replays.`,
        comments: [
          {
            author: "super2",
            body: "It was the raw body. I'd registered express.json() globally so it consumed the body before my route ran. Moved the webhook route above it and it verifies fine now, thanks.",
          },
        ],
      },
    ],
  },
  // 3
  {
    author: "cust4",
    title: "VAT return total is different from my own spreadsheet by £212.40",
    body: `Doing my first VAT return in Ledgerly, for the quarter Jan–Mar. Box 1 (VAT due on sales) in Ledgerly says **£4,918.20** but my spreadsheet of sales says **£4,705.80**. Difference £212.40.

I've checked that all the invoices are in. I'm on standard accrual VAT, not cash accounting (I think?). Where do I even start looking for the difference?`,
    tags: ["vat", "reports"],
    daysAgo: 110,
    upvoters: ["super3", "staff2"],
    answers: [
      {
        author: "super3",
        hoursAfter: 6,
        accepted: true,
        upvoters: ["super1", "staff2", "cust1", "super4"],
        body: `£212.40 is a suspiciously VAT-looking number, so I'd bet it's one or two transactions rather than rounding. Things I'd check, in order:

1. **Your VAT scheme.** Settings → Tax → VAT scheme. If it says *Cash accounting*, Box 1 only includes invoices *paid* in the period, which is rarely what a sales spreadsheet shows.
2. **Dates.** Ledgerly uses the invoice (tax point) date. An invoice dated 31 March but entered on 2 April is in this quarter; your spreadsheet may use the entry date.
3. **Credit notes.** These reduce Box 1. If your spreadsheet ignores them, the difference would go the other way though.
4. **Bank transactions coded straight to sales** — e.g. card machine takings categorised as *Sales* with 20% VAT on the reconcile screen instead of via an invoice. They're in Box 1 but never appear as invoices.

Click the Box 1 figure on the return and it drills down to every line. Export that to CSV and compare it with your spreadsheet — takes five minutes.`,
        comments: [
          {
            author: "cust4",
            body: "It was number 4. Card machine deposits coded as sales with VAT. So Ledgerly was right and my spreadsheet was wrong, annoyingly.",
          },
        ],
      },
    ],
  },
  // 4
  {
    author: "cust3",
    title: 'Stripe payment succeeded but the invoice still shows "Awaiting payment"',
    body: `A customer paid invoice INV-1182 by card through the **Pay now** button yesterday. The Stripe dashboard shows the payment as *Succeeded* ($1,450.00). In Ledgerly the invoice still says *Awaiting payment*, and the customer got an automatic reminder this morning, which was embarrassing.

This is the first time it's happened — the previous 20-odd Stripe payments all got marked as paid automatically. Nothing changed on our side as far as I know.`,
    tags: ["stripe", "invoices"],
    daysAgo: 108,
    upvoters: ["super2", "super1"],
    comments: [
      {
        author: "super2",
        body: "Worth checking Stripe > Developers > Webhooks now and then anyway, it lists failed deliveries to each endpoint.",
      },
    ],
    answers: [
      {
        author: "staff1",
        hoursAfter: 9,
        accepted: true,
        upvoters: ["super2", "staff2", "super1"],
        body: `Sorry about the reminder — not a great look.

I checked your account: the webhook endpoint Ledgerly uses was **disabled in your Stripe account** on the 14th. Stripe disables endpoints after repeated failed deliveries, and we had a short outage that day. Payments still go through to Stripe; we just never hear about them.

To fix:

1. In Ledgerly go to **Settings → Payments → Stripe** and click **Reconnect**. This re-registers the webhook.
2. Click **Sync recent payments**. It looks back 30 days and marks matching invoices as paid.

I've already run the sync for you: INV-1182 and one other (INV-1185) are now marked as paid. We're also adding a banner so you'll see it if the endpoint is ever disabled again.`,
      },
    ],
  },
  // 5
  {
    author: "cust1",
    title: "Receipt scanner reads the VAT line instead of the total",
    body: `Scanning fuel receipts with the Android app (Pixel 7, app version 5.9.3). About half the time it puts the VAT amount in the Total field. E.g. receipt total £68.40, VAT £11.40, and it fills in Total = £11.40.

I'm correcting them by hand but that defeats the point. Is there a setting for this?`,
    tags: ["receipts", "mobile-app", "android"],
    daysAgo: 105,
    upvoters: ["super1"],
    comments: [
      {
        author: "staff2",
        body: "We've passed your example on to the scanning team. If you can, forward one of the receipts that failed to receipts-feedback@ledgerly.example so they can add it to their test set.",
      },
    ],
    answers: [
      {
        author: "super1",
        hoursAfter: 14,
        upvoters: ["staff1", "cust4"],
        body: `No setting for it as such, but in my experience a few things improve accuracy a lot:

- Flatten the receipt and photograph it on a dark, plain surface. Curled thermal receipts confuse it.
- Get the whole receipt in frame, including the top — the merchant name helps it recognise known fuel chains.
- Under **Settings → Receipts → Supplier rules**, set up the supplier and tick *Amounts include VAT*. Once it knows it's a single-rate fuel supplier it cross-checks total against VAT.

Also worth updating: 5.10 had scanning improvements in the release notes.`,
      },
      {
        author: "cust5",
        hoursAfter: 30,
        downvoters: ["super4"],
        body: `just take better photos, mine works fine. the light in my van is rubbish so i do them at home on the kitchen table`,
      },
    ],
  },
  // 6
  {
    author: "super4",
    title: "How are realised FX gains/losses calculated when a EUR invoice is paid into a GBP account?",
    body: `Base currency GBP. I raised an invoice for €10,000 on 1 March when the rate was 0.8550, so £8,550 in the ledger. The customer paid on 28 March and the money landed in our GBP account as **£8,496.20**; the statement notes that a £15.00 conversion fee was deducted.

Ledgerly posted a realised FX loss of £53.80. But that includes the £15 fee, doesn't it? Is it correct to lump the fee into the FX loss, or should I record it separately? I want to get this right before I do 40 of these for a client.`,
    tags: ["multi-currency", "reconciliation"],
    daysAgo: 103,
    upvoters: ["super3", "staff2", "super1"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 7,
        accepted: true,
        upvoters: ["super3", "super1", "staff1", "admin"],
        body: `When you reconcile the receipt, Ledgerly compares the invoice's booked value (£8,550) with the amount you apply to it. Whatever difference is left over is treated as FX, so the fee only ends up in FX if you let it.

Best practice:

1. On the reconcile screen, match the £8,496.20 bank line to the invoice.
2. Click **Add adjustment → Bank fee**, enter £15.00 (account: *Bank charges*).
3. The payment applied to the invoice becomes £8,511.20 and the realised FX loss is £38.80.

If you match £8,496.20 directly, the whole £53.80 difference is posted as FX loss — which is what happened to you. The totals are the same, but the split between *Bank charges* and *Realised currency gains/losses* on the P&L would be wrong.

You can fix the existing one by unreconciling and redoing it with the adjustment.`,
      },
      {
        author: "super3",
        hoursAfter: 26,
        upvoters: ["super4"],
        body: `Agree with Priya. For 40 of them, create a bank rule for the conversion fee (condition: reference contains \`FX CHG\` → bank fee) so the adjustment is suggested automatically. Saves a lot of clicking.`,
      },
    ],
  },
  // 7
  {
    author: "cust5",
    title: "Lost my phone with the authenticator app — locked out of Ledgerly",
    body: `My phone was stolen on Saturday. I had 2FA turned on with an authenticator app and didn't save the backup codes (I know...). I can enter my password but then it asks for the 6-digit code and I have no way to get it.

I'm the only admin on the account and I need to send invoices this week. What's the process to get back in?`,
    tags: ["login", "2fa"],
    daysAgo: 100,
    upvoters: ["staff1", "super1", "super2", "cust3"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 2,
        accepted: true,
        upvoters: ["admin", "staff2", "super1", "super2", "super3", "super4", "cust1", "cust2", "cust3"],
        body: `Sorry to hear about the phone. Here's how recovery works.

**If someone else on the account is an admin**, they can go to **Settings → Users**, open your user and click **Reset two-factor**. You'll be asked to set up 2FA again on your next login. That's the quickest route.

**If you're the only admin** (your case):

1. On the 2FA screen click **Can't use your authenticator?** → **Request account recovery**.
2. We email a recovery link to your login address, valid for 24 hours.
3. You'll be asked to confirm your identity: the last 4 digits of the card on your Ledgerly subscription *and* the amount of a recent invoice you sent.
4. For security there's a **48-hour waiting period** before 2FA is removed. We email every admin address during that time so the real owner can cancel it if it wasn't them.

Once you're back in, set up 2FA again and this time download the backup codes (**Settings → Security → Backup codes**) and keep them somewhere that isn't your phone. Adding a second admin is also a good idea.

If you need to send invoices urgently before the 48 hours are up, contact support and we'll see what we can do.`,
        comments: [
          {
            author: "cust5",
            body: "Back in after the waiting period, thanks. I've added my business partner as a second admin and printed the backup codes this time.",
          },
        ],
      },
    ],
  },
  // 8
  {
    author: "cust2",
    title: "Recurring invoice was sent twice to the same customer on the 1st",
    body: `I have a monthly retainer invoice set to recur on the 1st. This month the customer got two identical invoices (INV-0219 and INV-0220), two minutes apart. Previous months were fine. The schedule says "Monthly, on day 1, send automatically" and I haven't edited it.

The customer has asked which one to pay. I can void one obviously, but I want to know it won't happen again.`,
    tags: ["recurring-invoices", "invoices"],
    daysAgo: 98,
    upvoters: ["super1", "super4"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 4,
        accepted: true,
        upvoters: ["super1", "super4", "cust4"],
        body: `Thanks for reporting — you weren't the only one. A retry in our scheduler on the morning of the 1st caused a small number of recurring schedules to run twice. It was fixed the same day, and we've added a uniqueness check so a schedule can't generate two invoices for the same period even if the job retries.

What to do:
- Void **INV-0220** (the later one) and choose *Don't notify customer*, then let your customer know INV-0219 is the one to pay.
- Your schedule itself is fine and doesn't need changing.

Sorry for the hassle.`,
      },
    ],
  },
  // 9
  {
    author: "cust6",
    title: "CSV export: is 03/04/2025 the 3rd of April or the 4th of March?",
    body: `Exported our invoices to CSV for our accountant, who's based in the US. Dates look like this:

\`\`\`csv
Number,Date,Due,Customer,Total
INV-0031,03/04/2025,03/05/2025,Harbour Lane Ltd,1200.00
INV-0032,12/04/2025,12/05/2025,"Finch & Sons",480.00
\`\`\`

I'm in Ireland so presumably these are day/month, but the accountant is reading them as month/day. Can I change the export format?`,
    tags: ["csv", "exports"],
    daysAgo: 89,
    upvoters: ["super2"],
    answers: [
      {
        author: "super2",
        hoursAfter: 10,
        upvoters: ["staff1", "super1"],
        body: `The export uses the date format from **Settings → Organisation → Regional settings**, so yes, it's DD/MM/YYYY for you. Two options:

- Use **Reports → Export with options**, which has a date format dropdown — pick \`YYYY-MM-DD\`.
- Or temporarily switch the organisation date format before exporting.

I'd send ISO dates (\`2025-04-03\`) regardless. They're unambiguous and every spreadsheet app parses them correctly.`,
        comments: [{ author: "cust6", body: "Export with options is exactly what I needed, hadn't spotted it. Thanks." }],
      },
    ],
  },
  // 10
  {
    author: "super1",
    title: "Matching one bank deposit to several invoices (with a short payment)",
    body: `A client pays a batch of invoices in one transfer and usually shorts it a little because their bank deducts a fee. Example: invoices 0412 (£1,200), 0415 (£860) and 0419 (£340) = £2,400, but the deposit is £2,392.

On the reconcile screen I can only seem to pick one invoice in the Match tab. What's the cleanest way to do this so all three invoices end up fully paid and the £8 goes to bank charges?`,
    tags: ["reconciliation", "bank-feeds"],
    daysAgo: 96,
    upvoters: ["staff1", "super3", "cust1"],
    answers: [
      {
        author: "super1",
        hoursAfter: 20,
        accepted: true,
        upvoters: ["staff1", "super3", "cust1", "super4", "cust7"],
        body: `Figured it out, posting for anyone else:

1. On the bank line, click **Find & match** instead of using the suggested match.
2. Tick all three invoices. The footer shows *Selected £2,400.00 / Bank £2,392.00 / Difference £8.00*.
3. Click **Adjust difference** → account *Bank charges*, £8.00 → **Reconcile**.

All three invoices go to *Paid* and the £8 is a separate expense line. The Match tab only does one-to-one, so don't bother with it for this.`,
      },
      {
        author: "super3",
        hoursAfter: 22,
        upvoters: ["super1"],
        body: `Good write-up. Extra tip: if it's always the same client, ask them to send payments with "OUR" charges (sender pays all fees). Didn't work for any of my clients, but it's worth asking.`,
      },
    ],
  },
  // 11
  {
    author: "cust3",
    title: "Different sales tax rates per line on one invoice (shipping to multiple states)?",
    body: `We sell art prints and do some wholesale orders where a single invoice has items shipping to stores in different states (WA and CA mostly). Can one invoice have different sales tax rates per line item, or do I have to split it into one invoice per state?

Also, is shipping taxable? Our old system never taxed it.`,
    tags: ["sales-tax", "invoices"],
    daysAgo: 94,
    upvoters: ["super3"],
    answers: [
      {
        author: "super3",
        hoursAfter: 11,
        accepted: true,
        upvoters: ["staff2", "super4", "cust6"],
        body: `Yes — tax is per line in Ledgerly. Each line item has its own *Tax* dropdown, so set up your rates under **Settings → Tax → Tax rates** (e.g. \`WA - Seattle\`, \`CA - Los Angeles\`) and pick one per line.

For multi-destination wholesale orders I'd still usually split the invoice per ship-to address, because sales tax reports are much easier to audit that way.

On shipping: that depends on the state, not on the software. Some states tax shipping when it's part of a taxable sale, some don't if it's separately stated on the invoice. Check each state's rules with your accountant, then add a *Shipping* item and pick the right rate per state. Ledgerly won't decide that for you.

Also, if your wholesale customers give you resale certificates, those sales are usually exempt — mark the contact as *Tax exempt* and attach the certificate to it.`,
      },
    ],
  },
  // 12
  {
    author: "cust7",
    title: 'Zapier "New Paid Invoice" trigger isn\'t firing',
    body: `Set up a Zap: Ledgerly *New Paid Invoice* → post a message to our #sales channel in Slack. The test step worked and pulled in a sample invoice. But since turning it on 4 days ago nothing has posted, and we've definitely had invoices paid. Zap history shows no runs at all, not even errors.`,
    tags: ["zapier"],
    daysAgo: 58,
    upvoters: ["super2"],
    answers: [
      {
        author: "super2",
        hoursAfter: 6,
        accepted: true,
        upvoters: ["staff1", "super1", "cust8"],
        body: `If Zap history is empty, the trigger isn't seeing any events, so it's not a Slack problem. The usual culprits:

1. **Status changed without a payment.** The trigger fires on \`invoice.paid\`, which is only sent when the balance reaches zero through a payment (Stripe/PayPal, bank reconciliation or *Record payment*). If you're marking invoices paid some other way, it won't fire.
2. **Connected to the wrong organisation.** If your Ledgerly login has access to more than one organisation (e.g. the demo company), the Zapier connection is tied to whichever was active when you connected. Check **My Apps → Ledgerly** in Zapier to see which org it shows, and reconnect if needed.

It was #2 for me the first time — I'd connected the demo company.`,
        comments: [
          { author: "cust7", body: "Number 2. It was pointing at the demo company. Embarrassing. Working now, thanks." },
        ],
      },
    ],
  },
  // 13
  {
    author: "cust4",
    title: "Payroll add-on: pro rata pay for someone starting mid-month",
    body: `New barista started on the 12th on a monthly salary of £2,100. Our pay period is the calendar month. Does Ledgerly Payroll pro-rate automatically from the start date, or do I need to work out the amount myself? I don't want to overpay or underpay her first month.`,
    tags: ["payroll"],
    daysAgo: 92,
    answers: [
      {
        author: "staff2",
        hoursAfter: 8,
        upvoters: ["super1", "cust1"],
        body: `It pro-rates automatically if the employee's **start date** falls inside the pay period. You'll see a *Pro rata* badge on her line in the pay run; hover it to see the calculation.

The default method is *calendar days* (days employed ÷ days in the month). If your contracts say working days, change it under **Payroll settings → Pro rata method → Working days**. Check her contract to see which applies.`,
      },
      {
        author: "super1",
        hoursAfter: 30,
        upvoters: ["cust4"],
        body: `Just to say — double-check the first run by hand anyway. The maths is right, but I've had clients whose contracts said something different from the default method and nobody noticed for months.`,
      },
    ],
  },
  // 14
  {
    author: "cust8",
    title: "iOS app crashes when I open an invoice that has a PDF attached (v5.12.0)",
    body: `iPhone 13, iOS 17.5, Ledgerly 5.12.0. Any invoice with an attachment crashes the app as soon as I tap it. Invoices without attachments open fine. Reinstalled, same thing. The web app is fine.

Steps:
1. Invoices tab
2. Tap INV-0044 (has a PDF purchase order attached)
3. Screen goes white for a second and the app closes`,
    tags: ["ios", "mobile-app", "invoices"],
    daysAgo: 28,
    upvoters: ["staff1", "super4"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 5,
        accepted: true,
        upvoters: ["super2", "admin", "super4"],
        body: `Thanks for the clear steps. This is a known crash in 5.12.0 when the attachment preview loads on iOS 17. The fix is in **5.12.1**, which went out to the App Store this afternoon — update and you should be fine.

If you can't update straight away, open the invoice from the *Customers* tab instead (customer → invoice); that screen doesn't load the preview.`,
        comments: [{ author: "cust8", body: "5.12.1 fixed it. Thanks for the quick turnaround." }],
      },
    ],
  },
  // 15
  {
    author: "cust6",
    title: "Give my bookkeeper access to reconciliation but hide payroll?",
    body: `I want our external bookkeeper to do the bank reconciliation and chase invoices, but she shouldn't see salaries. Looking at the roles there's Admin, Standard, Read-only and Invoicing only. Standard seems to include payroll. Is there a way to do this?`,
    tags: ["permissions", "payroll"],
    daysAgo: 88,
    upvoters: ["super1", "staff1"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 3,
        accepted: true,
        upvoters: ["super1", "super3", "admin", "cust2"],
        body: `Yes. The built-in roles are presets; on Pro and above you can customise them per user:

1. **Settings → Users → (her user) → Permissions**
2. Start from **Standard**
3. Set **Payroll** to *No access*. This hides pay runs, employees and payslips, and masks amounts on the reconcile screen (payroll lines show as *Payroll — hidden*).
4. Leave **Banking** and **Sales** on *Full*.

One caveat: reports that include the *Wages & salaries* account (P&L, general ledger) still show the account total. If that's a problem, also set **Reports** to *Limited*, which leaves payroll accounts out of reports she runs.

On the Starter plan custom permissions aren't available; you only get the presets.`,
      },
    ],
  },
  // 16
  {
    author: "cust1",
    title: "pls help invoice wont send",
    body: `tried to send invoice to customer 3 times and they say they havent got it. it says sent in ledgerly. i need to get paid this week. what is wrong with it??`,
    tags: ["invoices"],
    daysAgo: 85,
    downvoters: ["super4"],
    comments: [
      {
        author: "super2",
        body: "Please include what you've already checked and any error you see next time, it makes it much quicker for people to help.",
      },
    ],
    answers: [
      {
        author: "super1",
        hoursAfter: 2,
        upvoters: ["staff1"],
        body: `Happy to help, but we need a bit more to go on. Can you check:

- Open the invoice → **Activity** tab. Does it say *Delivered* or *Bounced*?
- Is the email address on the customer's contact spelled correctly?
- Ask them to check spam/junk. Invoices come from \`invoices@ledgerly-mail.example\` unless you've set up your own sending domain.

If the activity shows *Bounced* there'll be a reason next to it.`,
      },
      {
        author: "cust1",
        hoursAfter: 5,
        body: `nvm the email was wrong, had .co instead of .co.uk on the contact. activity said bounced like Gwen said. sent now thanks`,
      },
    ],
  },
  // 17
  {
    author: "super2",
    title: "API: next_cursor returns the same page when filtering with updated_since",
    body: `Syncing invoices to our warehouse with:

\`\`\`bash
curl -s "https://api.ledgerly.example/v2/invoices?updated_since=2025-01-01T00:00:00Z&limit=100" \\
  -H "Authorization: Bearer $LEDGERLY_TOKEN"
\`\`\`

The first page comes back with \`"next_cursor": "eyJpZCI6IDQ4MTJ9"\`. When I then request \`/v2/invoices?updated_since=2025-01-01T00:00:00Z&cursor=eyJpZCI6IDQ4MTJ9\` I get **exactly the same 100 invoices** and the same cursor. Infinite loop.

Without \`updated_since\` pagination works fine.`,
    tags: ["api"],
    daysAgo: 84,
    upvoters: ["staff1", "super4", "cust7"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 12,
        accepted: true,
        upvoters: ["super4", "staff2", "cust7", "super1"],
        body: `Reproduced, thanks. It's a bug: when \`updated_since\` is present, the cursor is only honoured if \`limit\` is sent again on the follow-up request. Without it, pagination silently restarts from the first page.

The fix is deploying this week. Until then, send the full original query plus the cursor:

\`\`\`bash
curl -s "https://api.ledgerly.example/v2/invoices?updated_since=2025-01-01T00:00:00Z&limit=100&cursor=eyJpZCI6IDQ4MTJ9" \\
  -H "Authorization: Bearer $LEDGERLY_TOKEN"
\`\`\`

For incremental syncs, a more robust pattern is \`sort=updated_at\` and using the last record's \`updated_at\` as the next \`updated_since\`.`,
      },
    ],
  },
  // 18
  {
    author: "cust5",
    title: "Converting an accepted quote to an invoice keeps the quote number (QU-0031)",
    body: `When a client accepts a quote I click **Convert to invoice**, and the new draft invoice gets the number QU-0031 instead of the next invoice number. I've been changing it by hand every time. Am I doing something wrong?`,
    tags: ["quotes", "invoices"],
    daysAgo: 82,
    upvoters: ["super1"],
    answers: [
      {
        author: "super1",
        hoursAfter: 4,
        accepted: true,
        upvoters: ["staff2", "cust2", "super4"],
        body: `You've probably got **Keep quote number on conversion** switched on. It's under **Settings → Quotes → Conversion**. Some people like it so the quote and invoice match, but it's off by default. Turn it off and converted quotes will take the next invoice number.

Invoices you've already converted aren't affected.`,
      },
    ],
  },
  // 19
  {
    author: "cust2",
    title: "If I downgrade from Pro to Starter, what happens to my extra users?",
    body: `We're a 4-person studio on Pro. Money is tight this quarter and I'm thinking of moving to Starter, but Starter only includes 2 users.

- Do the other two lose access immediately?
- Do they lose their data/history?
- Can I upgrade again later without losing anything?`,
    tags: ["billing", "permissions"],
    daysAgo: 80,
    upvoters: ["super4", "staff2"],
    answers: [
      {
        author: "admin",
        hoursAfter: 6,
        accepted: true,
        upvoters: ["staff1", "staff2", "super1", "cust6"],
        body: `Nothing is deleted when you downgrade — it's all still there if you upgrade again.

How it works:
- The downgrade takes effect at the **end of your current billing period**, not immediately.
- Before confirming, you choose which 2 users stay active. The others become *Deactivated*: they can't log in, but everything they created (invoices, notes, attachments, audit log entries) stays and is still attributed to them.
- Pro-only features (custom permissions, multi-currency, projects) become read-only. The data is kept.
- Upgrade any time and you can reactivate users with one click.

If it's a temporary cash-flow issue, get in touch from the billing page as well — we can sometimes offer a pause instead.`,
      },
    ],
  },
  // 20
  {
    author: "cust9",
    title: "Android app logs me out every time I switch to another app",
    body: `Samsung Galaxy A54, Android 14, Ledgerly 5.14.2. If I leave the app to check my email and come back, I'm on the login screen again. Every single time. Really annoying when I'm trying to copy details from an email into an invoice.`,
    tags: ["android", "mobile-app", "login"],
    daysAgo: 6,
    upvoters: ["super4"],
    answers: [
      {
        author: "super4",
        hoursAfter: 5,
        upvoters: ["staff1", "super1"],
        body: `Two things cause this, especially on Samsungs:

1. **Battery optimisation** killing the app in the background. Phone Settings → Apps → Ledgerly → Battery → set to *Unrestricted*.
2. **App lock timeout** in Ledgerly itself: in the app, Profile → Security → *Require login after* — make sure it isn't set to *Immediately*.

On Samsung it's usually #1, their battery manager is aggressive.`,
        comments: [
          { author: "cust9", body: "Battery was set to Optimised. Changed it to Unrestricted, will see if it sticks." },
        ],
      },
      {
        author: "cust7",
        hoursAfter: 20,
        downvoters: ["super2"],
        body: `Uninstall and reinstall the app, that fixed it for me on my phone a while ago.`,
      },
    ],
  },
  // 21
  {
    author: "cust3",
    title: "PayPal fees: how do I record them so the invoice shows as fully paid?",
    body: `A customer paid a $500.00 invoice via PayPal and I received $482.26 after fees. In Ledgerly the invoice now shows *Partially paid — $17.74 outstanding*. The customer did pay in full, so I don't want to chase them. How should this be recorded?`,
    tags: ["paypal", "invoices"],
    daysAgo: 78,
    upvoters: ["super1", "super3"],
    answers: [
      {
        author: "super3",
        hoursAfter: 3,
        accepted: true,
        upvoters: ["super1", "staff1", "cust5", "super4", "staff2"],
        body: `The invoice should be paid at the gross amount ($500) and the fee recorded as an expense. Two parts to it:

**Going forward (recommended):** Settings → Payments → PayPal → tick **Record PayPal fees automatically** and choose an expense account (e.g. *Merchant fees*). Payments are then recorded at $500 with a separate $17.74 fee transaction.

**For this invoice:** open the payment, click **Edit payment**, change the amount to $500.00 and add a fee line of $17.74 to *Merchant fees*. The invoice goes to *Paid*.

If you also reconcile a PayPal account in Ledgerly, its balance will tie out with PayPal's afterwards.`,
      },
    ],
  },
  // 22
  {
    author: "super3",
    title: "Reverse charge on EU B2B services — which tax rate, and does the PDF show the wording?",
    body: `UK-based client providing consultancy to a business customer in Germany. The place of supply is the customer's country, so it's outside the scope of UK VAT and the customer accounts for VAT under the reverse charge.

In Ledgerly I see *No VAT*, *Zero rated* and *Reverse charge (services)*. Which should I use so the VAT return boxes are right? And does the invoice PDF include the reverse charge note automatically, or do I have to put it in the footer?`,
    tags: ["vat", "invoices"],
    daysAgo: 76,
    upvoters: ["super1", "staff1", "super4", "cust6"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 9,
        accepted: true,
        upvoters: ["super3", "super1", "super4", "admin", "staff1", "cust6"],
        body: `Use **Reverse charge (services)**. For a UK organisation it's set up as an outside-the-scope rate:

- The net value is reported in **Box 6**, nothing in Box 1.
- It's kept separate from *Zero rated* (UK zero-rated supplies) and from *No VAT*, which doesn't touch the return at all — use that for things like transfers between your own accounts.

On the PDF: when any line uses the reverse charge rate, Ledgerly adds this note under the totals automatically:

> Reverse charge: customer to account for VAT. Services supplied outside the scope of UK VAT.

You can change the wording under **Settings → Tax → Tax rates → Reverse charge (services) → Invoice note**. Add the customer's VAT number to their contact and it prints on the invoice too.`,
        comments: [{ author: "super3", body: "Perfect, that's what I hoped. The automatic note is a nice touch." }],
      },
    ],
  },
  // 23
  {
    author: "cust6",
    title: "Export all our data before cancelling the subscription",
    body: `We're merging with another company and will be moving to their accounting system. Before I cancel, what's the best way to get all of our data out? Invoices (PDFs too), contacts, bank transactions, and the attachments/receipts. About 3 years of data.`,
    tags: ["exports", "billing"],
    daysAgo: 74,
    upvoters: ["super1"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 7,
        accepted: true,
        upvoters: ["super1", "super2", "admin"],
        body: `Sorry to see you go, and congratulations on the merger.

**Settings → Organisation → Export all data** builds a ZIP containing:
- CSVs for contacts, invoices, credit notes, bills, expenses, bank transactions, journals and the chart of accounts
- a trial balance and general ledger for each financial year
- \`pdfs/\` with every invoice, credit note and quote as sent
- \`attachments/\` with all receipts and files, named after the transaction they belong to

For 3 years it can take a while; we email you a download link when it's ready (valid for 7 days).

After you cancel, the organisation stays **read-only for 12 months**, so you can still log in, look things up or run another export. After that it's deleted.`,
      },
    ],
  },
  // 24
  {
    author: "cust7",
    title: "Duplicate transactions after reconnecting my bank feed",
    body: `Had to reconnect our business current account feed (it asked me to re-authorise). Now about two weeks of transactions are in twice. Some of them I'd already reconciled, so the unreconciled copies are just sitting there. Is there a bulk way to delete the duplicates? There are about 60.`,
    tags: ["bank-feeds", "reconciliation"],
    daysAgo: 55,
    upvoters: ["super1", "staff2"],
    answers: [
      {
        author: "super1",
        hoursAfter: 4,
        upvoters: ["staff2", "super4"],
        body: `There's a tool for exactly this: **Banking → (account) → ⋯ → Find duplicates**. It lists pairs with the same date, amount and description where one copy is reconciled and the other isn't. Tick them and choose *Delete unreconciled copies*.

It only touches statement lines, so nothing you've reconciled is affected. Do scan the list before deleting though — two genuine identical payments on the same day (two £4.50 coffees, say) will show up as a pair too.`,
        comments: [
          { author: "cust7", body: "Found and deleted 58 of them. The other 2 were genuine. Thanks!" },
        ],
      },
      {
        author: "staff2",
        hoursAfter: 28,
        upvoters: ["super1"],
        body: `Also: we're changing re-authorisation so it resumes from the last imported date instead of re-fetching the previous 14 days. That should stop this from happening in the first place.`,
      },
    ],
  },
  // 25
  {
    author: "cust4",
    title: "Add a late fee automatically to overdue invoices?",
    body: `Some of our catering clients are always 30+ days late. Our terms say there's a 2% per month late fee. Can Ledgerly add this automatically when an invoice becomes overdue, or at least remind me to do it?`,
    tags: ["invoices"],
    daysAgo: 72,
    upvoters: ["cust2", "super4"],
    answers: [
      {
        author: "super4",
        hoursAfter: 10,
        upvoters: ["cust2", "staff1"],
        body: `Not automatically, as far as I know. What I set up for clients:

- Put the late fee terms in the invoice footer so it's clearly stated up front.
- Use **Settings → Reminders** with custom messages at +7 and +30 days that mention the fee.
- When you decide to charge it, raise a separate small invoice for *Late payment fee* that references the original invoice number. Much easier to track than editing the original.

There's a feature request for automatic late fees on the roadmap page, worth voting for it.`,
      },
      {
        author: "cust2",
        hoursAfter: 30,
        downvoters: ["super1"],
        body: `why not just work it out in excel each month and add it to the next invoice`,
      },
    ],
  },
  // 26
  {
    author: "super2",
    title: "Webhook retries: what's the backoff schedule, and are events deduplicated?",
    body: `Building an integration that needs to be idempotent. The docs say failed webhook deliveries are retried, but not how often or for how long.

Also: can the same event be delivered more than once even when my endpoint returns 200? Trying to decide whether I need to store event IDs.`,
    tags: ["webhooks", "api"],
    daysAgo: 70,
    upvoters: ["super4", "staff2", "cust7"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 16,
        accepted: true,
        upvoters: ["super4", "staff2", "cust7", "admin", "super1"],
        body: `Retry schedule after a non-2xx response or a timeout (10 seconds):

| Attempt | Delay after previous |
|---|---|
| 2 | 1 minute |
| 3 | 5 minutes |
| 4 | 30 minutes |
| 5 | 2 hours |
| 6–8 | 6 hours each |

After 8 failed attempts the event is marked failed and you can replay it from **Settings → Developers → Webhooks → Deliveries**. If an endpoint fails continuously for 3 days we disable it and email the admins.

And yes, **store event IDs**. Delivery is at-least-once: if we don't get your 200 in time (network blip, slow handler) we retry, even if you did process it. Every payload has a stable \`id\` (\`evt_...\`), so dedupe on that. Don't rely on ordering either — use \`created_at\`, or fetch the current state of the object from the API.`,
        comments: [
          { author: "super2", body: "Exactly what I needed. That table should really be in the docs." },
        ],
      },
    ],
  },
  // 27
  {
    author: "cust5",
    title: "P&L profit doesn't match current year earnings on the balance sheet",
    body: `For last year my P&L says net profit **£23,410**. But *Current year earnings* on the balance sheet as at 31 Dec says **£21,960**. Shouldn't they be the same? The difference is £1,450 and I can't work out where it comes from.`,
    tags: ["reports"],
    daysAgo: 68,
    upvoters: ["super3"],
    answers: [
      {
        author: "super3",
        hoursAfter: 5,
        accepted: true,
        upvoters: ["super1", "staff2", "cust4"],
        body: `They should tie if both reports cover the same period on the same basis. The usual reasons they don't:

1. **Different basis.** Make sure the P&L is on *Accrual* (it has a Cash/Accrual toggle; the balance sheet is always accrual).
2. **Dates.** The P&L must run from the start of your financial year, which isn't 1 January for everyone.
3. **A journal posted directly to *Retained earnings* or *Current year earnings*** — often drawings or a dividend coded to the wrong account. Run *Account transactions* for those accounts and look for manual journals.

A round-ish difference like £1,450 is very often #3.`,
        comments: [
          { author: "cust5", body: "It was a manual journal for drawings coded to retained earnings. Fixed, thanks Sunita." },
        ],
      },
    ],
  },
  // 28
  {
    author: "cust8",
    title: 'Bank statement CSV import fails: "Error: row 14 — amount is not a number"',
    body: `My bank isn't supported for feeds so I'm importing CSVs. The import fails with:

\`\`\`
Error: row 14 — amount is not a number ("1,250.00")
\`\`\`

Here are the rows around it:

\`\`\`csv
Date,Description,Amount
04/06/2025,CARD PAYMENT CORNER STORES,-23.40
05/06/2025,FASTER PMT HOLLIS & CO,"1,250.00"
05/06/2025,DD NORTHWIND ENERGY,-64.00
\`\`\`

I didn't edit the file, it's straight from the bank's website.`,
    tags: ["csv", "bank-feeds"],
    daysAgo: 25,
    upvoters: ["super4", "staff1"],
    answers: [
      {
        author: "super4",
        hoursAfter: 3,
        accepted: true,
        upvoters: ["staff1", "super2", "cust7"],
        body: `The importer doesn't accept thousands separators in the amount column, so \`"1,250.00"\` has to be \`1250.00\`. The quotes themselves are fine, it's the comma inside them.

Quickest fix: open the CSV in a spreadsheet, format the Amount column as a number **without** thousands separators, and save as CSV again.

While you're there, check the date format on the import screen is set to DD/MM/YYYY, otherwise 05/06 will come in as 6 May.`,
        comments: [
          { author: "cust8", body: "Worked, thanks. Would be nice if the importer just handled it though!" },
        ],
      },
    ],
  },
  // 29
  {
    author: "cust2",
    title: "HTML in the invoice footer shows up as literal tags on the PDF",
    body: `I want the footer to have our bank details, a bold thank-you and a link to our terms. I put this in **Settings → Invoices → Footer**:

\`\`\`html
<b>Thank you for your business!</b><br>
Bank: Westbrook & Co &mdash; Sort code 00-00-00<br>
Terms: <a href="https://studiomarchetti.example/terms">studiomarchetti.example/terms</a>
\`\`\`

On the PDF it literally prints \`<b>Thank you for your business!</b><br>\` and \`&mdash;\` instead of a dash. How do I format it?`,
    tags: ["invoices"],
    daysAgo: 66,
    upvoters: ["super1"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 5,
        accepted: true,
        upvoters: ["super1", "super2", "cust5"],
        body: `The footer doesn't accept HTML — it's escaped on purpose so nothing in it can break the PDF layout. It does support a small subset of **Markdown**:

\`\`\`
**Thank you for your business!**
Bank: Westbrook & Co — Sort code 00-00-00
Terms: [studiomarchetti.example/terms](https://studiomarchetti.example/terms)
\`\`\`

- \`**bold**\` and \`*italic*\`
- links as \`[text](url)\`, which are clickable in the PDF
- line breaks are kept as typed

For the dash, type an actual em dash (—) or a plain hyphen instead of \`&mdash;\`.`,
      },
    ],
  },
  // 30
  {
    author: "cust1",
    title: "Can I use a hardware security key or passkey for 2FA?",
    body: `Our insurer is asking us to use "phishing-resistant MFA" for any finance systems. At the moment Ledgerly only gives me the option of an authenticator app or SMS. Is there any support for hardware security keys / passkeys, or plans for it?`,
    tags: ["2fa", "login"],
    daysAgo: 64,
    upvoters: ["super2", "staff1", "cust3"],
    comments: [{ author: "super2", body: "+1, and I'd like passkeys for login itself, not just as a second factor." }],
    answers: [
      {
        author: "staff1",
        hoursAfter: 20,
        upvoters: ["super2", "super1", "cust3"],
        body: `Not yet, but it's actively being worked on. Security keys and passkeys (WebAuthn) are planned as a 2FA option on all plans, with an admin setting to *require* phishing-resistant methods for everyone in the organisation.

I can't give a date on the forum, but it's not far off. In the meantime, if your insurer needs something in writing, contact support and we can send a letter describing our current security controls.`,
      },
    ],
  },
  // 31
  {
    author: "super4",
    title: "Which exchange rate is used on a foreign-currency invoice — invoice date or approval date?",
    body: `If I create a USD invoice as a draft on the 3rd but don't approve/send it until the 10th, with the invoice date still the 3rd, which day's rate does Ledgerly use?

And can I override the rate manually? A client's contract specifies a fixed rate.`,
    tags: ["multi-currency", "invoices"],
    daysAgo: 62,
    upvoters: ["super3"],
    answers: [
      {
        author: "super3",
        hoursAfter: 8,
        upvoters: ["super4", "staff2", "super1"],
        body: `It uses the rate for the **invoice date**, looked up when the invoice is approved. So in your example the 3rd's rate, even though you approved on the 10th. If you change the invoice date later, the rate is fetched again.

To override: on the invoice, click the currency → **Edit rate** → enter your contract rate. It's then fixed and won't be re-fetched. (Pro plan and up.)`,
      },
    ],
  },
  // 32
  {
    author: "cust3",
    title: "Sales tax report doesn't list tax-exempt customers at all",
    body: `We have a few non-profit customers marked as *Tax exempt*. When I run the Sales tax report for Q2 they don't appear anywhere, not even with $0 tax. Our state return asks for exempt sales as a separate figure.

Am I running the wrong report? Is there a way to get a total of exempt sales for the period?`,
    tags: ["sales-tax", "reports"],
    daysAgo: 60,
    upvoters: ["super3"],
    answers: [],
  },
  // 33
  {
    author: "cust6",
    title: 'API returns 422 `Error: <invoice> missing "due_date"` although the contact has payment terms',
    body: `Creating invoices from our booking system via the API:

\`\`\`bash
curl -X POST https://api.ledgerly.example/v2/invoices \\
  -H "Authorization: Bearer $LEDGERLY_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"contact_id": "con_8f21", "date": "2025-05-02", "line_items": [{"description": "Workshop & materials", "quantity": 1, "unit_price": 450}]}'
\`\`\`

Response:

\`\`\`json
{"status": 422, "error": "validation_failed", "message": "Error: <invoice> missing \\"due_date\\""}
\`\`\`

The contact has payment terms of 14 days, and when I create an invoice in the web app the due date fills in automatically. Do I have to calculate it myself when using the API?`,
    tags: ["api", "invoices"],
    daysAgo: 59,
    upvoters: ["super2", "staff1"],
    comments: [
      { author: "staff1", body: "We'll improve that error message so it mentions due_date_from_terms. Thanks for posting the full request." },
    ],
    answers: [
      {
        author: "super2",
        hoursAfter: 4,
        accepted: true,
        upvoters: ["staff1", "cust7", "super4", "staff2", "admin", "super1"],
        body: `The web app fills in the due date in the browser; the API doesn't apply contact payment terms unless you ask it to. Two options:

1. Send \`due_date\` yourself.
2. Send \`"due_date_from_terms": true\` and leave \`due_date\` out. The API then uses the contact's terms, or the organisation default if the contact has none:

\`\`\`bash
-d '{"contact_id": "con_8f21", "date": "2025-05-02", "due_date_from_terms": true, "line_items": [...]}'
\`\`\`

And the \`<invoice>\` in the message is just the name of the object being validated — nothing to do with XML. Confused me the first time too.`,
      },
      {
        author: "cust7",
        hoursAfter: 9,
        upvoters: ["super2"],
        body: `Can confirm \`due_date_from_terms\` works. We hit the same thing from our PHP integration last week.`,
      },
    ],
  },
  // 34
  {
    author: "cust7",
    title: "Automatically charge recurring invoices to the customer's card via Stripe",
    body: `We bill a few clients a monthly hosting fee. Right now they get a recurring invoice and pay through the link each month. Can Ledgerly store their card and charge it automatically on the invoice date instead? Stripe is already connected.`,
    tags: ["recurring-invoices", "stripe"],
    daysAgo: 52,
    upvoters: ["super2", "super1"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 6,
        accepted: true,
        upvoters: ["super2", "super1", "cust8"],
        body: `Yes — it's called **Auto-pay**.

1. On the recurring invoice, tick **Enable auto-pay** (requires Stripe to be connected).
2. The next invoice email has a *Pay and save card* button. Once the customer pays with it, their card (or Direct Debit mandate, if you've enabled that in Stripe) is stored by Stripe — not by us.
3. Future invoices from that schedule are charged automatically on the issue date, and the customer receives a receipt instead of a payment request.

If a charge fails, the invoice falls back to a normal payment request and you're notified. To see who's set up, go to Contacts and filter by *Auto-pay: on*.`,
      },
    ],
  },
  // 35
  {
    author: "cust4",
    title: "Receipts I email to my Ledgerly receipts inbox never show up",
    body: `I have the receipts inbox address (something like \`hv-cafe.48213@in.ledgerly.example\`). I forwarded 5 supplier receipts from my personal email yesterday and none of them have arrived in Ledgerly. No bounce emails either. Scanning with the mobile app works fine.`,
    tags: ["receipts"],
    daysAgo: 57,
    upvoters: ["super1"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 10,
        accepted: true,
        upvoters: ["super1", "super4", "cust1"],
        body: `The receipts inbox only accepts email from senders you've verified, so nobody can spam receipts into your books. Mail from unverified senders is silently dropped (we don't bounce it, since that would confirm the address exists).

Go to **Expenses → Receipts inbox → Allowed senders**, add your personal address and click the verification link we send. Then forward the 5 receipts again.

Attachments must be PDF, JPG, PNG or HEIC and under 20 MB each. If the receipt is in the email body itself (no attachment), it's converted to a PDF automatically.`,
        comments: [{ author: "cust4", body: "That was it. Wish it had told me though!" }],
      },
    ],
  },
  // 36
  {
    author: "cust5",
    title: 'Payroll run stuck on "Submitting to HMRC" for two days',
    body: `I approved the May pay run on Tuesday. It's now Thursday and the status is still *Submitting to HMRC*. Staff have been paid (I pay them from the bank myself), but I'm worried the submission hasn't gone through and I'll get a late filing penalty. Is there anything I should do?`,
    tags: ["payroll"],
    daysAgo: 54,
    upvoters: ["staff2"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 3,
        upvoters: ["super3", "super1"],
        body: `I've had a look at your pay run. The submission was sent, but the acknowledgement from HMRC's gateway hasn't come back yet. That happens occasionally when their service is slow, and we retry automatically every few hours.

The submission timestamp, which is what counts for lateness, is Tuesday 14:02, so you're not late. If it's still stuck tomorrow, click **Resubmit** on the pay run. That's safe: HMRC rejects duplicates with a clear message.`,
      },
      {
        author: "cust5",
        hoursAfter: 40,
        body: `Update for anyone who finds this later: it switched to *Accepted* this morning without me doing anything.`,
      },
    ],
  },
  // 37
  {
    author: "super1",
    title: "Unreconcile a wrongly matched transaction in a locked period",
    body: `A client's books are locked up to 31 March (lock date set after the VAT return was filed). I've just found a February transaction that was matched to the wrong invoice — same amount, different customer. *Unreconcile* is greyed out.

I don't want to remove the lock for everyone. What's the proper way to fix this?`,
    tags: ["reconciliation", "permissions"],
    daysAgo: 50,
    upvoters: ["super3", "staff1", "super4"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 6,
        accepted: true,
        upvoters: ["super3", "super4", "admin", "staff2"],
        body: `Correct behaviour — locked periods block unreconciling for everyone. Options:

**If the VAT effect is nil** (usually the case if both customers were charged the same rate):
1. **Settings → Financial settings → Lock dates.** There are two: *All users* and *Advisers only*. Keep *All users* at 31 March and set *Advisers only* to 31 January.
2. As an adviser, unreconcile the February line, rematch it to the right invoice and reconcile.
3. Set *Advisers only* back to 31 March.

Other users never see the period unlocked, and the audit log records the change.

**If there is a VAT effect** (different rates), leave the period alone and post a correcting entry in the current period instead; otherwise the filed return won't agree with the books.`,
      },
    ],
  },
  // 38
  {
    author: "cust2",
    title: "Invited user says the invitation link has expired",
    body: `I invited our new project manager yesterday. She clicked the link this morning and got "This invitation has expired or has already been used". She definitely hasn't used it. I resent the invite from Settings → Users and the same thing happens with the new link.`,
    tags: ["permissions", "login"],
    daysAgo: 48,
    upvoters: ["super4"],
    answers: [
      {
        author: "super4",
        hoursAfter: 5,
        upvoters: ["staff1"],
        body: `Usually this is her company's email security "clicking" links to scan them before she sees the email, which uses up the one-time link. A lot of corporate mail filters do it.

Try copying the link out of the email and pasting it into a private browser window, or send the invite to a personal address — she can change her login email once she's in.`,
      },
      {
        author: "staff1",
        hoursAfter: 12,
        upvoters: ["super4", "cust2"],
        body: `Adding to Oskar's answer: we've just changed invitations so they're no longer used up by a link scanner opening the page — the invitee now has to click **Accept invitation** on it. A fresh invite should work even with the scanning in place.`,
      },
    ],
  },
  // 39
  {
    author: "cust8",
    title: 'Zapier "Create Invoice" action only adds the first line item',
    body: `My Zap takes a new order from our online shop and creates a Ledgerly invoice. Orders with several products only get the first product on the invoice. The shop trigger gives Zapier this:

\`\`\`json
{
  "order_id": "1043",
  "items": [
    {"name": "Ceramic mug", "qty": 2, "price": 14.00},
    {"name": "Tea towel", "qty": 1, "price": 9.50}
  ]
}
\`\`\`

I mapped *Description* to \`Items Name\`, *Quantity* to \`Items Qty\` and so on.`,
    tags: ["zapier", "invoices"],
    daysAgo: 20,
    upvoters: ["super2"],
    answers: [
      {
        author: "super2",
        hoursAfter: 9,
        accepted: true,
        upvoters: ["staff1", "cust7", "super4"],
        body: `The Ledgerly action has a separate **Line Items** section, and it only creates multiple lines if you map line-item fields into *that* section. If you map into the regular Description/Quantity fields you get a single line.

Fix:
1. In the action, scroll down to **Line Items** (below the normal fields).
2. Map *Description* → \`Items Name\`, *Quantity* → \`Items Qty\`, *Unit price* → \`Items Price\`.
3. Test it: the output should show \`line_items\` as an array with 2 entries.

If your shop trigger doesn't expose items as line items, add a **Formatter → Utilities → Text to Line-item** step before the Ledgerly action.`,
      },
    ],
  },
  // 40
  {
    author: "cust6",
    title: "Charged twice for the annual subscription",
    body: `My card statement shows two charges of €348.00 from Ledgerly on the 14th. We're on annual Pro. The billing page in Ledgerly only lists one invoice. Please refund the duplicate.`,
    tags: ["billing"],
    daysAgo: 46,
    answers: [
      {
        author: "admin",
        hoursAfter: 3,
        accepted: true,
        upvoters: ["staff1", "staff2"],
        body: `Sorry about this. I checked your account: the second charge is a card authorisation our payment provider didn't release when your bank asked for a 3-D Secure retry. It was never actually captured, which is why there's only one invoice, and it will drop off your statement — usually within 5–7 working days depending on the bank.

If it still shows as a completed charge after 7 working days, reply here or contact billing with a screenshot of the statement and we'll refund it straight away.`,
      },
    ],
  },
  // 41
  {
    author: "cust9",
    title: "How do I add my logo to invoices from the mobile app?",
    body: `Just signed up and I'm doing everything from my phone (iPhone). My invoices have no logo on them and I can't find a branding section anywhere in the app. Does it have to be done on a computer?`,
    tags: ["invoices", "mobile-app", "ios"],
    daysAgo: 5,
    answers: [
      {
        author: "super1",
        hoursAfter: 2,
        accepted: true,
        upvoters: ["staff2", "super4"],
        body: `You can do it in the app, it's just a bit hidden: **More → Settings → Invoice templates → (your template) → Logo**. Tap *Upload* and pick from your photos.

A PNG with a transparent background looks best, and 600px wide is plenty. It applies to every invoice using that template, including ones already sent if the customer opens the online link again.`,
        comments: [{ author: "cust9", body: "Found it, thank you! Would never have looked under templates." }],
      },
    ],
  },
  // 42
  {
    author: "cust1",
    title: "does ledgerly do the flat rate vat scheme?",
    body: `My accountant says I should be on the flat rate scheme (plumbing, I think the % is 9.5). When I set up Ledgerly I just picked standard. If I change it now what happens to the returns I've already done? Will it mess them up?`,
    tags: ["vat"],
    daysAgo: 44,
    upvoters: ["super3"],
    answers: [
      {
        author: "super3",
        hoursAfter: 7,
        upvoters: ["cust1", "staff2", "super1"],
        body: `Yes, it's supported: **Settings → Tax → VAT scheme → Flat Rate**, then enter your percentage and the date you joined the scheme. Don't change it until HMRC has confirmed you're on it.

Returns you've already filed aren't changed. The scheme applies from the start date you enter, so make that the first day of a VAT period to keep things simple.

Double-check the rate with your accountant, and ask about the *limited cost trader* rule — it catches a lot of trades businesses that don't spend much on goods.`,
      },
      {
        author: "staff2",
        hoursAfter: 20,
        upvoters: ["super3"],
        body: `One addition: on Flat Rate, your invoices still show VAT at the normal rate (your customers see 20%), but the return calculates Box 1 as your flat rate % of gross turnover. So don't change the tax rates on your invoices.`,
      },
      {
        author: "cust4",
        hoursAfter: 26,
        downvoters: ["super3"],
        body: `i just stopped charging vat, much simpler`,
      },
    ],
  },
  // 43
  {
    author: "cust3",
    title: "Aged receivables PDF cuts off long customer names",
    body: `When I export the Aged Receivables report to PDF, long customer names get truncated mid-word, e.g. "Northwestern Regional Arts Collab" instead of the full name. The columns also don't line up in landscape. It's fine in CSV.

Is there a way to make the name column wider?`,
    tags: ["exports", "reports"],
    daysAgo: 42,
    upvoters: ["super1"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 18,
        upvoters: ["super1"],
        body: `That's a known issue with the PDF layout for that report — the name column has a fixed width. It's changing to wrap instead of truncate in the reports update due next month.

Workarounds for now: export to CSV/Excel and print from there, or set a shorter *Display name* on those contacts (Contacts → Edit → Display name). Invoices still use the full legal name.`,
      },
    ],
  },
  // 44
  {
    author: "super3",
    title: "VAT return: zero-rated sales counted twice in Box 6?",
    body: `Client has some zero-rated sales (children's clothing). Box 6 on the draft Q2 return is higher than *Total trading income* on the P&L for the same period — by exactly the zero-rated amount, £3,120. Looks like they're being double counted.

Has anyone else seen this? It's a draft, not filed yet.`,
    tags: ["vat", "reports"],
    daysAgo: 40,
    upvoters: ["super1", "staff2"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 5,
        accepted: true,
        upvoters: ["super1", "super4", "admin", "super3"],
        body: `I had a look at the draft (thanks for granting support access) — it isn't double counted. The zero-rated products on that client's price list are coded to **260 Other income** instead of **200 Sales**.

So on the P&L those sales appear under *Other income*, below the *Total trading income* line you compared against, while Box 6 correctly includes them. Box 6 = Total trading income + £3,120 other income, which ties.

To tidy up:
- **Products & services** → select the zero-rated items → **Bulk edit** → Sales account: 200.
- Recode existing invoices with **Accounting → Advanced → Find and recode**.

Neither changes the VAT return figures.`,
      },
    ],
  },
  // 45
  {
    author: "cust7",
    title: "How do I reconcile Stripe payouts when invoices are paid gross but payouts are net?",
    body: `Stripe pays out every few days — one lump sum covering several invoice payments, minus fees. In my bank feed I see e.g. \`STRIPE PAYOUT £1,873.42\`, but the invoices it covers add up to £1,931.00.

I've been doing it by hand with adjustments and it takes forever. There must be a better way?`,
    tags: ["stripe", "reconciliation"],
    daysAgo: 38,
    upvoters: ["super1", "staff1", "super3", "cust3"],
    answers: [
      {
        author: "super1",
        hoursAfter: 6,
        accepted: true,
        upvoters: ["staff1", "staff2", "super3", "cust3", "super2", "admin", "cust8", "super4"],
        body: `Yes — use a **Stripe clearing account**. It's how most bookkeepers handle it:

1. **Settings → Payments → Stripe → Record payments to: Stripe clearing account** (it creates the account for you) and tick **Record fees automatically**.
2. When an invoice is paid through Stripe, Ledgerly now records the gross payment *into the clearing account* and the fee as an expense *out of* it. The invoice is fully paid straight away.
3. When the payout lands in your real bank account it's a simple transfer: clearing account → bank. Ledgerly suggests the match because the payout ID is in the description.

The clearing account balance should always equal what Stripe shows as pending. If it doesn't, something has been missed.

For past payments, switch it on and then re-sync the last 30 days from the Stripe settings page.`,
        comments: [
          { author: "cust7", body: "This is so much better. Switched it on and reconciled last month in about 10 minutes." },
        ],
      },
      {
        author: "super3",
        hoursAfter: 30,
        upvoters: ["super1"],
        body: `Same approach works for PayPal, by the way: PayPal clearing account plus automatic fee recording. Once both are set up, payment provider reconciliation becomes almost boring.`,
      },
    ],
  },
  // 46
  {
    author: "cust4",
    title: "Android: can't scan receipts, says camera permission is required",
    body: `In the Android app, when I tap **Scan receipt** it says "Camera permission is required" with an OK button that does nothing. I never get the popup asking for permission. The phone is a Motorola on Android 13.`,
    tags: ["android", "receipts", "mobile-app"],
    daysAgo: 35,
    answers: [
      {
        author: "cust7",
        hoursAfter: 8,
        upvoters: ["super4"],
        body: `You probably tapped "Don't allow" at some point and Android won't ask again. Go to phone Settings → Apps → Ledgerly → Permissions → Camera → Allow. That fixed the same thing for me.`,
      },
      {
        author: "staff1",
        hoursAfter: 24,
        upvoters: ["cust7"],
        body: `Marcus is right. We're also changing that dialog so the OK button takes you straight to the app's permission settings — it shouldn't be a dead end.`,
      },
    ],
  },
  // 47
  {
    author: "cust5",
    title: "Can customers still accept a quote after its expiry date?",
    body: `I send quotes with a 30-day expiry. A customer has just accepted one that's 6 weeks old, with prices that have since gone up — the online link still let them click **Accept**.

Is there a way to stop expired quotes being accepted online?`,
    tags: ["quotes"],
    daysAgo: 33,
    upvoters: ["cust2", "super1"],
    answers: [],
  },
  // 48
  {
    author: "super2",
    title: "Read-only API key for a reporting dashboard?",
    body: `I want to give our BI tool access to invoices and payments only. API keys seem to get full access to everything the creating user can do. Is there a way to create a scoped, read-only key? I don't love the idea of a dashboard credential that can create invoices.`,
    tags: ["api", "permissions"],
    daysAgo: 30,
    upvoters: ["super4", "staff2"],
    answers: [
      {
        author: "staff1",
        hoursAfter: 5,
        accepted: true,
        upvoters: ["super4", "admin", "super1", "cust7"],
        body: `Yes. Under **Settings → Developers → API keys → New key**, expand *Scopes*. The default is *Same as my user*, but you can pick individual scopes instead, e.g.:

\`\`\`
invoices:read
payments:read
contacts:read
\`\`\`

Write scopes are separate (\`invoices:write\` etc.), so a key with only \`:read\` scopes can't create or change anything. Requests outside the key's scopes get a \`403\` with \`"error": "insufficient_scope"\`.

Two more suggestions for a BI integration: set an **expiry date** on the key, and create it from a dedicated user with the *Read-only* role, so even if someone edits the scopes later it can never exceed read-only.`,
      },
    ],
  },
  // 49
  {
    author: "cust8",
    title: "USD bank account feed shows amounts converted to GBP",
    body: `I added our USD business account. The feed imports transactions, but the amounts are in GBP (converted at some rate?) rather than the actual USD amounts on the statement. So nothing matches our USD invoices.`,
    tags: ["multi-currency", "bank-feeds"],
    daysAgo: 18,
    upvoters: ["super4"],
    answers: [
      {
        author: "super4",
        hoursAfter: 7,
        accepted: true,
        upvoters: ["staff2", "super3", "super1"],
        body: `The bank account in Ledgerly was probably created with currency GBP. A bank account's currency can't be changed once it has transactions, and the feed converts into the account's currency.

Fix:
1. Make sure multi-currency is enabled (Pro plan).
2. Add a **new** bank account with currency **USD** and connect the feed to that one.
3. Delete the imported statement lines from the GBP account (Banking → account → ⋯ → Delete statement lines), then archive it.

The feed re-imports the last 90 days into the new account, in USD.`,
      },
    ],
  },
  // 50
  {
    author: "cust6",
    title: "Change the amount on a recurring invoice from next month onwards only",
    body: `A client's retainer goes up from €1,500 to €1,650 starting next month. If I edit the recurring invoice template, will it change invoices that were already generated? There are two unpaid ones from previous months that should stay at €1,500.`,
    tags: ["recurring-invoices"],
    daysAgo: 26,
    answers: [
      {
        author: "super1",
        hoursAfter: 3,
        upvoters: ["staff2", "cust2"],
        body: `Editing the recurring template only affects invoices generated *after* you save. Already-generated invoices are separate documents and won't change, so just edit the amount on the template.

If you want the change to apply from a specific date rather than the next run, use **Schedule change** on the template and set the new amount with an effective date.`,
      },
      {
        author: "super4",
        hoursAfter: 30,
        upvoters: ["super1"],
        body: `+1. And check the template's *Next invoice date* after saving — people sometimes change the start date by accident while editing.`,
      },
    ],
  },
  // 51
  {
    author: "cust2",
    title: 'Can\'t log in: "Too many attempts, please try again later" for hours',
    body: `Got locked out after mistyping my password a few times this morning. It's now 4 hours later and I still get "Too many attempts, please try again later", even with the correct password. I reset my password too and still get the same message.`,
    tags: ["login"],
    daysAgo: 22,
    upvoters: ["staff2"],
    answers: [
      {
        author: "staff2",
        hoursAfter: 2,
        upvoters: ["super1", "super4"],
        body: `The lockout renews every time there's another failed attempt. So if something is still trying your **old** password — the mobile app, a tablet that's still logged in, or a saved password in another browser — the lock keeps extending even though you're waiting.

Check for devices or integrations still using the old password. I've cleared the lock on your account; try again now from the browser.`,
        comments: [
          { author: "cust2", body: "It was the old tablet at reception, still signed in with the old password. Thanks Priya." },
        ],
      },
      {
        author: "cust1",
        hoursAfter: 6,
        body: `Try clearing your cookies, that worked for me once with a different site.`,
      },
    ],
  },
  // 52
  {
    author: "cust7",
    title: "invoice.paid webhook payload doesn't include the customer email",
    body: `I'm receiving this for \`invoice.paid\`:

\`\`\`json
{
  "id": "evt_3kq9d81",
  "type": "invoice.paid",
  "created_at": "2025-06-11T09:14:02Z",
  "data": {
    "invoice_id": "inv_51ab",
    "number": "INV-0388",
    "contact_id": "con_77d0",
    "total": "1200.00",
    "currency": "GBP"
  }
}
\`\`\`

I need the customer's email address to send them a welcome pack from our system. Is there an option to include the full contact in the payload?`,
    tags: ["webhooks", "api"],
    daysAgo: 15,
    upvoters: ["super2"],
    comments: [
      {
        author: "staff1",
        body: "An expand=contact option for webhook subscriptions is planned for the next API version, but fetching the contact is the right approach today.",
      },
    ],
    answers: [
      {
        author: "super2",
        hoursAfter: 4,
        upvoters: ["staff1", "super4"],
        body: `Webhook payloads are deliberately thin (IDs plus a few fields). The intended pattern is to fetch what you need:

\`\`\`bash
curl -s https://api.ledgerly.example/v2/contacts/con_77d0 \\
  -H "Authorization: Bearer $LEDGERLY_TOKEN"
\`\`\`

That way you always get the *current* email rather than whatever it was when the event was created. If you're worried about rate limits, cache contacts and refresh them on \`contact.updated\`.`,
      },
    ],
  },
  // 53
  {
    author: "cust4",
    title: "Payroll journal posts employer pension to the wrong account",
    body: `After each pay run Ledgerly posts a payroll journal. Employer pension contributions go to *Wages and salaries* instead of *Employer pension costs*. I changed the mapping in **Payroll settings → Accounts** last month, but the June run still posted to the old account.

Do I need to do something else for the new mapping to take effect? And can I fix the June journal without redoing the pay run?`,
    tags: ["payroll", "reports"],
    daysAgo: 12,
    upvoters: ["super1"],
    answers: [],
  },
  // 54
  {
    author: "cust8",
    title: 'iOS 18: "Save to Ledgerly" is missing from the share sheet',
    body: `Since updating to iOS 18 I can't share PDFs from the Mail app to Ledgerly any more — Ledgerly isn't in the share sheet, not even under *More*. App version 5.15.0, iPhone 13. I used this every day for supplier bills, so it's a real pain.`,
    tags: ["ios", "receipts", "mobile-app"],
    daysAgo: 10,
    upvoters: ["super4"],
    comments: [{ author: "super4", body: "Same here on an iPad, so it's not just you." }],
    answers: [],
  },
  // 55
  {
    author: "cust9",
    title: "Starter plan says I've reached my invoice limit — does it reset each month?",
    body: `Got a banner saying "You've used 20 of 20 invoices this month". I've only been using Ledgerly for a week! Does it reset on the 1st, or 30 days from when I signed up? I need to send 2 more invoices today.`,
    tags: ["billing", "invoices"],
    daysAgo: 0,
    answers: [
      {
        author: "staff2",
        hoursAfter: 0.25,
        accepted: true,
        upvoters: ["super1"],
        body: `It resets on your billing date (the day you signed up), not on the 1st — so in about three weeks for you. Only approved invoices count; drafts and quotes don't.

If you need to send 2 more today, you can upgrade now and downgrade later; the change is pro-rated, so it only costs a few pounds. Or reply with your organisation name and I'll check whether some of those 20 were test invoices you voided — voided test invoices from your first week can be excluded from the count.`,
      },
    ],
  },
  // 56
  {
    author: "cust5",
    title: 'PayPal connection says "Reauthorization required" every day',
    body: `For the last week, every morning there's a red banner: *PayPal — Reauthorization required*. I click it, log in to PayPal, it says connected, and the next day it's back. Payments for yesterday's invoices didn't get marked as paid either. Is this a known issue?`,
    tags: ["paypal"],
    daysAgo: 1,
    answers: [],
  },
  // 57
  {
    author: "cust1",
    title: "Expense export CSV has semicolons instead of commas",
    body: `Exported my expenses for the accountant and the file opens in one column, with semicolons between everything:

\`\`\`
Date;Supplier;Category;Net;VAT;Gross
02/06/2025;Pipeworks Supplies;Materials;120,00;24,00;144,00
\`\`\`

The amounts have commas for decimals too. The invoice export was fine last month. Did something change?`,
    tags: ["csv", "exports"],
    daysAgo: 2,
    comments: [
      {
        author: "super4",
        body: "Check Settings > Organisation > Regional settings. Looks like the number format got switched to a European one, and the CSV separator follows it.",
      },
    ],
    answers: [],
  },
  // 58
  {
    author: "cust7",
    title: "Zapier trigger for when a quote is accepted?",
    body: `I'd like to create a project in our project management tool automatically when a client accepts a quote in Ledgerly. In Zapier I see triggers for *New Invoice*, *New Paid Invoice* and *New Contact*, but nothing for quotes. Am I missing it, or is there a webhook event I could use instead?`,
    tags: ["zapier", "quotes", "webhooks"],
    daysAgo: 0,
    answers: [],
  },
  // 59
  {
    author: "cust9",
    title: 'Reconcile tab says "Nothing to reconcile" but the bank feed has 40 transactions',
    body: `Connected my bank yesterday. The bank account page shows 40 transactions imported, but when I click **Reconcile** it says "Nothing to reconcile, you're all caught up!". What am I missing? First time doing my own bookkeeping, so sorry if this is obvious.`,
    tags: ["reconciliation", "bank-feeds"],
    daysAgo: 0,
    answers: [],
  },
  // 60
  {
    author: "cust5",
    title: "How do I export all my invoices to a CSV file for my accountant?",
    body: `My accountant has asked for every invoice from the last financial year as a spreadsheet, ideally CSV. I can download the PDFs one at a time from the invoice list, but there are about 400 of them.

Is there a way to export invoices in bulk, with the customer, dates, VAT and totals as columns?`,
    tags: ["exports", "invoices", "csv"],
    daysAgo: 52,
    upvoters: ["cust2", "cust3", "super3"],
    answers: [
      {
        author: "super3",
        hoursAfter: 2,
        accepted: true,
        upvoters: ["cust5", "staff2", "super1", "cust4"],
        body: `Yes. You don't need the PDFs:

1. Go to **Invoices → All invoices**.
2. Set the filter to the dates you need (e.g. *Last financial year*) and, if you like, a status such as *Paid*.
3. Click **Export → CSV**. You get one row per invoice: number, customer, issue and due dates, net, VAT, total, amount paid and status.

If your accountant wants one row per *line item* instead (to see products or VAT rates per line), choose **Export → CSV (line items)**.

Dates follow **Settings → Organisation → Regional settings**; pick ISO dates under *Export with options* if the accountant is in another country.`,
        comments: [{ author: "cust5", body: "Exported 412 invoices in one go. My accountant is delighted, thank you!" }],
      },
      {
        author: "cust3",
        hoursAfter: 30,
        upvoters: ["cust5"],
        body: `If your accountant uses Xero or QuickBooks too, **Settings → Integrations → Accountant access** lets them pull the invoices themselves, so you don't have to export every year.`,
      },
    ],
  },
];

export const demoKnowledgeArticles: DemoKnowledgeArticle[] = [
  { questionIndex: 0, category: "Banking" },
  { questionIndex: 1, category: "Invoicing" },
  { questionIndex: 7, category: "Account & billing" },
  { questionIndex: 22, category: "Tax", needsReview: true },
  { questionIndex: 33, category: "Integrations" },
  { questionIndex: 60, category: "Invoicing" },
];
