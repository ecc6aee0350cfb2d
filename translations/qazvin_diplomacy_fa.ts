<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
  <context>
    <name>AgreementFilterBar</name>
    <message>
      <source>All axes</source>
      <translation>همهٔ محورها</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>همهٔ انواع</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>Party: %1</source>
      <translation>طرف: %1</translation>
    </message>
    <message>
      <source>Search title, parties, signatories… (Ctrl+K)</source>
      <translation>جستجوی عنوان، طرف‌ها، امضاکنندگان… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Show all organizations</source>
      <translation>نمایش همهٔ سازمان‌ها</translation>
    </message>
    <message>
      <source>Signed from</source>
      <translation>امضا از سال</translation>
    </message>
    <message>
      <source>any year</source>
      <translation>هر سال</translation>
    </message>
    <message>
      <source>to</source>
      <translation>تا</translation>
    </message>
  </context>
  <context>
    <name>AgreementForm</name>
    <message>
      <source>(automatic)</source>
      <translation>(خودکار)</translation>
    </message>
    <message>
      <source>(organization's country)</source>
      <translation>(کشور سازمان)</translation>
    </message>
    <message>
      <source>Add file…</source>
      <translation>افزودن پرونده…</translation>
    </message>
    <message>
      <source>Add party</source>
      <translation>افزودن طرف</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
    </message>
    <message>
      <source>Add signatory</source>
      <translation>افزودن امضاکننده</translation>
    </message>
    <message>
      <source>Agreement: %1</source>
      <translation>موافقت‌نامه: %1</translation>
    </message>
    <message>
      <source>Attach a file</source>
      <translation>پیوست کردن پرونده</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>پیوست‌ها</translation>
    </message>
    <message>
      <source>Automatic renewal</source>
      <translation>تمدید خودکار</translation>
    </message>
    <message>
      <source>Axes of cooperation</source>
      <translation>محورهای همکاری</translation>
    </message>
    <message>
      <source>By</source>
      <translation>اقدام‌کننده</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>تغییر</translation>
    </message>
    <message>
      <source>Computed once the start or signing date is known</source>
      <translation>پس از ورود تاریخ آغاز یا امضا محاسبه می‌شود</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>مهلت</translation>
    </message>
    <message>
      <source>Delete (archive)</source>
      <translation>بایگانی</translation>
    </message>
    <message>
      <source>Delete agreement</source>
      <translation>بایگانی موافقت‌نامه</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>شرح</translation>
    </message>
    <message>
      <source>Description, e.g. signed scan, Persian draft</source>
      <translation>شرح، مثلاً نسخه امضاشده، پیش‌نویس فارسی</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>جزئیات</translation>
    </message>
    <message>
      <source>Duration (months)</source>
      <translation>مدت اعتبار (ماه)</translation>
    </message>
    <message>
      <source>Each renewal (months)</source>
      <translation>مدت هر تمدید (ماه)</translation>
    </message>
    <message>
      <source>Each signatory must belong to one of the parties (or to a unit of one). Empty titles take the person's title from the directory.</source>
      <translation>هر امضاکننده باید از یکی از طرف‌ها (یا یکی از واحدهای آن) باشد. اگر سمت خالی بماند، سمت شخص از فهرست مخاطبان گرفته می‌شود.</translation>
    </message>
    <message>
      <source>Enter the date the validity ends.</source>
      <translation>تاریخ پایان اعتبار را وارد کنید.</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>رخداد</translation>
    </message>
    <message>
      <source>Expiry</source>
      <translation>انقضا</translation>
    </message>
    <message>
      <source>File</source>
      <translation>پرونده</translation>
    </message>
    <message>
      <source>Find an organization, choose the side and add it. The country comes from the organization unless you choose another.</source>
      <translation>سازمان را جستجو کنید، طرف ایرانی یا خارجی را انتخاب کنید و آن را بیفزایید. کشور از سازمان گرفته می‌شود مگر آنکه کشور دیگری انتخاب کنید.</translation>
    </message>
    <message>
      <source>For a number of months</source>
      <translation>برای چند ماه</translation>
    </message>
    <message>
      <source>General</source>
      <translation>مشخصات</translation>
    </message>
    <message>
      <source>History</source>
      <translation>سابقه</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Legal review (MFA representative office)</source>
      <translation>بررسی حقوقی (دفتر نمایندگی وزارت امور خارجه)</translation>
    </message>
    <message>
      <source>Move the agreement to «%1»</source>
      <translation>انتقال موافقت‌نامه به «%1»</translation>
    </message>
    <message>
      <source>Take back «%1»: you are asked for a reason, kept in the history.</source>
      <translation>لغو «%1»؛ دلیل پرسیده و در سابقه نگه داشته می‌شود.</translation>
    </message>
    <message>
      <source>Move this agreement to the archive? It can be restored later from the archive view.</source>
      <translation>این موافقت‌نامه به بایگانی منتقل شود؟ بعداً می‌توان آن را از نمای بایگانی بازیابی کرد.</translation>
    </message>
    <message>
      <source>New agreement</source>
      <translation>موافقت‌نامهٔ جدید</translation>
    </message>
    <message>
      <source>No expiry (open-ended)</source>
      <translation>بدون انقضا (نامحدود)</translation>
    </message>
    <message>
      <source>No visit linked</source>
      <translation>به دیداری پیوند نخورده است</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Number in the office's register</source>
      <translation>شماره در دفتر ثبت اداره</translation>
    </message>
    <message>
      <source>Obligation</source>
      <translation>تعهد</translation>
    </message>
    <message>
      <source>Obligations</source>
      <translation>تعهدات</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>Open-ended</source>
      <translation>نامحدود</translation>
    </message>
    <message>
      <source>Opinion</source>
      <translation>نظر</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>سازمان</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>مسئول</translation>
    </message>
    <message>
      <source>Parties</source>
      <translation>طرف‌ها</translation>
    </message>
    <message>
      <source>Position (English)</source>
      <translation>سمت (انگلیسی)</translation>
    </message>
    <message>
      <source>Position (Persian)</source>
      <translation>سمت (فارسی)</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>چاپ / PDF</translation>
    </message>
    <message>
      <source>Province / city (English)</source>
      <translation>استان / شهر (انگلیسی)</translation>
    </message>
    <message>
      <source>Province / city (Persian)</source>
      <translation>استان / شهر (فارسی)</translation>
    </message>
    <message>
      <source>Record legal review</source>
      <translation>ثبت بررسی حقوقی</translation>
    </message>
    <message>
      <source>Reference number</source>
      <translation>شمارهٔ ثبت</translation>
    </message>
    <message>
      <source>Remark</source>
      <translation>توضیح</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>ملاحظات</translation>
    </message>
    <message>
      <source>Remove link</source>
      <translation>حذف پیوند</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
    <message>
      <source>Renewed automatically at the end of each term</source>
      <translation>در پایان هر دوره خودکار تمدید می‌شود</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>تاریخ بررسی</translation>
    </message>
    <message>
      <source>Reviewer</source>
      <translation>کارشناس بررسی</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Same as the term</source>
      <translation>برابر مدت اعتبار</translation>
    </message>
    <message>
      <source>Save the agreement first; then files can be attached.</source>
      <translation>ابتدا موافقت‌نامه را ذخیره کنید؛ سپس می‌توان پروندهٔ پیوست کرد.</translation>
    </message>
    <message>
      <source>Side</source>
      <translation>طرف</translation>
    </message>
    <message>
      <source>Signatories</source>
      <translation>امضاکنندگان</translation>
    </message>
    <message>
      <source>Signatory</source>
      <translation>امضاکننده</translation>
    </message>
    <message>
      <source>Signed during the visit</source>
      <translation>امضا در جریان دیدار</translation>
    </message>
    <message>
      <source>Signing date</source>
      <translation>تاریخ امضا</translation>
    </message>
    <message>
      <source>Signing place</source>
      <translation>محل امضا</translation>
    </message>
    <message>
      <source>Signs for</source>
      <translation>از طرف</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>حجم</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Status history</source>
      <translation>سابقهٔ تغییر وضعیت</translation>
    </message>
    <message>
      <source>Status: %1</source>
      <translation>وضعیت: %1</translation>
    </message>
    <message>
      <source>Status: %1 (after saving)</source>
      <translation>وضعیت: %1 (پس از ذخیره)</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>خلاصه</translation>
    </message>
    <message>
      <source>The agreement has unsaved changes. Close the form and discard them?</source>
      <translation>تغییرات موافقت‌نامه ذخیره نشده است. فرم بسته شود و تغییرات کنار گذاشته شوند؟</translation>
    </message>
    <message>
      <source>The file could not be opened: %1</source>
      <translation>پرونده باز نشد: %1</translation>
    </message>
    <message>
      <source>The signed scan and the drafts in both languages. Files are copied into the office's data folder (at most %1 MB each).</source>
      <translation>نسخهٔ اسکن‌شده امضاشده و پیش‌نویس‌ها به هر دو زبان. پرونده‌ها در پوشه داده‌های اداره نگهداری می‌شوند (هر پرونده حداکثر %1 مگابایت).</translation>
    </message>
    <message>
      <source>The status was not changed: complete the marked fields first.</source>
      <translation>وضعیت تغییر نکرد: ابتدا خانه‌های مشخص‌شده را کامل کنید.</translation>
    </message>
    <message>
      <source>This agreement is archived. Restore it from the archive view to edit it.</source>
      <translation>این موافقت‌نامه بایگانی شده است. برای ویرایش، آن را از نمای بایگانی بازیابی کنید.</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>گاه‌شمار</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>عنوان (انگلیسی)</translation>
    </message>
    <message>
      <source>Title (Persian)</source>
      <translation>عنوان (فارسی)</translation>
    </message>
    <message>
      <source>Type part of a name to search the directory</source>
      <translation>بخشی از نام را برای جستجو در فهرست مخاطبان بنویسید</translation>
    </message>
    <message>
      <source>Type part of a visit's title</source>
      <translation>بخشی از عنوان دیدار را بنویسید</translation>
    </message>
    <message>
      <source>Type part of an organization's name</source>
      <translation>بخشی از نام سازمان را بنویسید</translation>
    </message>
    <message>
      <source>Until a date</source>
      <translation>تا تاریخ معین</translation>
    </message>
    <message>
      <source>Validity</source>
      <translation>اعتبار</translation>
    </message>
    <message>
      <source>Validity ends</source>
      <translation>پایان اعتبار</translation>
    </message>
    <message>
      <source>Validity starts</source>
      <translation>آغاز اعتبار</translation>
    </message>
    <message>
      <source>When</source>
      <translation>زمان</translation>
    </message>
    <message>
      <source>current term ends %1</source>
      <translation>دورهٔ جاری در %1 پایان می‌یابد</translation>
    </message>
    <message>
      <source>e.g. Memorandum of understanding on cooperation in tourism</source>
      <translation>مثلاً تفاهم‌نامه همکاری در زمینهٔ گردشگری</translation>
    </message>
    <message>
      <source>renewed automatically every %1 months</source>
      <translation>هر %1 ماه خودکار تمدید می‌شود</translation>
    </message>
    <message>
      <source>Confidential</source>
      <translation>محرمانه</translation>
    </message>
  </context>
  <context>
    <name>AgreementTableModel</name>
    <message>
      <source>Axes</source>
      <translation>محورها</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Expiry</source>
      <translation>انقضا</translation>
    </message>
    <message>
      <source>Foreign parties</source>
      <translation>طرف خارجی</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>شمارهٔ ثبت</translation>
    </message>
    <message>
      <source>Renewed automatically</source>
      <translation>تمدید خودکار</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>امضا</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
  </context>
  <context>
    <name>AgreementsPage</name>
    <message>
      <source>%1 agreements</source>
      <translation>%1 موافقت‌نامه</translation>
    </message>
    <message>
      <source>Agreement moved to the archive.</source>
      <translation>موافقت‌نامه به بایگانی منتقل شد.</translation>
    </message>
    <message>
      <source>Agreement restored.</source>
      <translation>موافقت‌نامه بازیابی شد.</translation>
    </message>
    <message>
      <source>Agreement saved.</source>
      <translation>موافقت‌نامه ذخیره شد.</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>موافقت‌نامه‌ها</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>بایگانی</translation>
    </message>
    <message>
      <source>Every agreement of the register as filtered and sorted, as .xlsx or .csv</source>
      <translation>همهٔ موافقت‌نامه‌های دفتر ثبت با همین فیلترها و ترتیب، در قالب ‎.xlsx یا ‎.csv</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>New agreement</source>
      <translation>موافقت‌نامهٔ جدید</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>چاپ / PDF</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>دفتر ثبت</translation>
    </message>
    <message>
      <source>Restore selected agreement</source>
      <translation>بازیابی موافقت‌نامه انتخاب‌شده</translation>
    </message>
    <message>
      <source>Select an agreement in the archive first.</source>
      <translation>ابتدا یک موافقت‌نامه را در بایگانی انتخاب کنید.</translation>
    </message>
    <message>
      <source>The register in Persian, with the list's status, country and years</source>
      <translation>دفتر ثبت به فارسی، با وضعیت، کشور و سال‌های فهرست</translation>
    </message>
    <message>
      <source>No agreement to show. Clear the filters to see the whole register, or press “New agreement” to record one.</source>
      <translation>موافقت‌نامه‌ای برای نمایش نیست. برای دیدن همهٔ دفتر ثبت فیلترها را پاک کنید، یا با دکمهٔ «موافقت‌نامهٔ جدید» موافقت‌نامه‌ای ثبت کنید.</translation>
    </message>
    <message>
      <source>The archive is empty. An agreement you archive from its form appears here and can be restored.</source>
      <translation>بایگانی خالی است. موافقت‌نامه‌ای که از فرم آن بایگانی کنید در این‌جا نمایش داده می‌شود و قابل بازیابی است.</translation>
    </message>
  </context>
  <context>
    <name>AutoBackup</name>
    <message>
      <source>Automatic backup</source>
      <translation>پشتیبان‌گیری خودکار</translation>
    </message>
    <message>
      <source>Automatic backup written.</source>
      <translation>پشتیبان خودکار نوشته شد.</translation>
    </message>
    <message>
      <source>The automatic backup failed: %1</source>
      <translation>پشتیبان خودکار ساخته نشد: %1</translation>
    </message>
    <message>
      <source>Writing the automatic backup…</source>
      <translation>در حال نوشتن پشتیبان خودکار…</translation>
    </message>
  </context>
  <context>
    <name>AwaitingRepliesCard</name>
    <message>
      <source>%1 without reply, %2 days left</source>
      <translation>%1 نفر بی‌پاسخ، %2 روز مانده</translation>
    </message>
    <message>
      <source>Events awaiting replies (%1)</source>
      <translation>رویدادهای در انتظار پاسخ دعوت (%1)</translation>
    </message>
    <message>
      <source>Every guest of the coming events has replied.</source>
      <translation>همهٔ مهمانان رویدادهای پیش رو پاسخ داده‌اند.</translation>
    </message>
  </context>
  <context>
    <name>Backup</name>
    <message>
      <source>GB</source>
      <translation>گیگابایت</translation>
    </message>
    <message>
      <source>KB</source>
      <translation>کیلوبایت</translation>
    </message>
    <message>
      <source>MB</source>
      <translation>مگابایت</translation>
    </message>
    <message>
      <source>bytes</source>
      <translation>بایت</translation>
    </message>
  </context>
  <context>
    <name>BackupControl</name>
    <message>
      <source>Back up now…</source>
      <translation>تهیهٔ پشتیبان…</translation>
    </message>
    <message>
      <source>Back up or restore the data</source>
      <translation>پشتیبان‌گیری از داده‌ها یا بازیابی آن‌ها</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>پشتیبان</translation>
    </message>
    <message>
      <source>Open the backups folder</source>
      <translation>باز کردن پوشه پشتیبان‌ها</translation>
    </message>
    <message>
      <source>Restore from a backup…</source>
      <translation>بازیابی از پشتیبان…</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>A backup is one file holding the whole database and every attached file. Keep a copy away from this computer, for example on a USB stick.</source>
      <translation>پشتیبان یک پرونده است که همهٔ پایگاه داده و همهٔ پرونده‌های پیوست را در خود دارد. یک نسخه را بیرون از این رایانه نگه دارید، برای نمونه روی حافظه USB.</translation>
    </message>
    <message>
      <source>A file with this name exists already; choose another name.</source>
      <translation>پرونده‌ای با این نام از پیش هست؛ نام دیگری انتخاب کنید.</translation>
    </message>
    <message>
      <source>At least %1 characters</source>
      <translation>دست‌کم %1 نویسه</translation>
    </message>
    <message>
      <source>Back up</source>
      <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
      <source>Backup file</source>
      <translation>پروندهٔ پشتیبان</translation>
    </message>
    <message>
      <source>Backup written.</source>
      <translation>پشتیبان نوشته شد.</translation>
    </message>
    <message>
      <source>Choose where to save the backup.</source>
      <translation>جای ذخیره پشتیبان را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>انتخاب…</translation>
    </message>
    <message>
      <source>No USB stick was found. Insert one and try again.</source>
      <translation>هیچ حافظه USB پیدا نشد. یکی را وصل کنید و دوباره تلاش کنید.</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>گذرواژه</translation>
    </message>
    <message>
      <source>Protect with a password (recommended on a USB stick)</source>
      <translation>محافظت با گذرواژه (برای حافظه USB توصیه می‌شود)</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>تکرار گذرواژه</translation>
    </message>
    <message>
      <source>Save the backup on a USB stick</source>
      <translation>ذخیره پشتیبان روی حافظه USB</translation>
    </message>
    <message>
      <source>The backup was written: %1 (%2).</source>
      <translation>پشتیبان نوشته شد: %1 (%2).</translation>
    </message>
    <message>
      <source>The password needs at least %1 characters.</source>
      <translation>گذرواژه باید دست‌کم %1 نویسه باشد.</translation>
    </message>
    <message>
      <source>The two passwords differ; type them again.</source>
      <translation>دو گذرواژه یکسان نیستند؛ دوباره بنویسید.</translation>
    </message>
    <message>
      <source>This is a folder; give the backup file a name.</source>
      <translation>این یک پوشه است؛ برای پروندهٔ پشتیبان نامی بنویسید.</translation>
    </message>
    <message>
      <source>USB stick</source>
      <translation>حافظه USB</translation>
    </message>
    <message>
      <source>Writing the backup…</source>
      <translation>در حال نوشتن پشتیبان…</translation>
    </message>
  </context>
  <context>
    <name>CheckinModel</name>
    <message>
      <source>Checked in</source>
      <translation>حضور</translation>
    </message>
    <message>
      <source>Checked in %1</source>
      <translation>حاضر — ساعت %1</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>مهمان</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>پاسخ دعوت</translation>
    </message>
  </context>
  <context>
    <name>CheckinView</name>
    <message>
      <source>%1 has not replied that they will attend (reply: %2). Check them in anyway?</source>
      <translation>%1 اعلام حضور نکرده است (پاسخ: %2). با این حال حضور ایشان ثبت شود؟</translation>
    </message>
    <message>
      <source>%1 was already checked in at %2.</source>
      <translation>حضور «%1» پیش‌تر در ساعت %2 ثبت شده است.</translation>
    </message>
    <message>
      <source>%1 was not checked in.</source>
      <translation>حضور %1 ثبت نشد.</translation>
    </message>
    <message>
      <source>Check in</source>
      <translation>ثبت حضور</translation>
    </message>
    <message>
      <source>Check-in of %1 undone.</source>
      <translation>ثبت حضور «%1» لغو شد.</translation>
    </message>
    <message>
      <source>Checked in: %1 of %2 attending</source>
      <translation>حاضران: %1 از %2 پاسخ مثبت</translation>
    </message>
    <message>
      <source>Event:</source>
      <translation>رویداد:</translation>
    </message>
    <message>
      <source>Mark attended (Enter)</source>
      <translation>ثبت حضور (Enter)</translation>
    </message>
    <message>
      <source>No check-in to undo.</source>
      <translation>ثبت حضوری برای لغو نیست.</translation>
    </message>
    <message>
      <source>No guest found with this name.</source>
      <translation>مهمانی با این نام پیدا نشد.</translation>
    </message>
    <message>
      <source>Type part of the guest's name (Persian or Latin) and press Enter</source>
      <translation>بخشی از نام مهمان را (فارسی یا لاتین) بنویسید و Enter بزنید</translation>
    </message>
    <message>
      <source>Undo check-in</source>
      <translation>لغو ثبت حضور</translation>
    </message>
    <message>
      <source>Undo check-in of %1</source>
      <translation>لغو ثبت حضور %1</translation>
    </message>
    <message>
      <source>Welcome: %1 checked in.</source>
      <translation>خوش آمدید: حضور «%1» ثبت شد.</translation>
    </message>
    <message>
      <source>This event is on %1, in %2 days: guests are checked in on the day.</source>
      <translation>این رویداد %1 است، %2 روز دیگر؛ پذیرش مهمانان در روز رویداد انجام می‌شود.</translation>
    </message>
    <message>
      <source>This event ended on %1.</source>
      <translation>این رویداد در %1 به پایان رسیده است.</translation>
    </message>
  </context>
  <context>
    <name>Common</name>
    <message>
      <source>An unexpected error happened.</source>
      <translation>خطای پیش‌بینی‌نشده‌ای رخ داد.</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>خطا</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Save anyway</source>
      <translation>با این حال ذخیره شود</translation>
    </message>
    <message>
      <source>Scheduling conflict</source>
      <translation>تداخل برنامه</translation>
    </message>
    <message>
      <source>This visit clashes with other plans:</source>
      <translation>این دیدار با برنامه‌های دیگر تداخل دارد:</translation>
    </message>
    <message>
      <source>To save anyway, write the reason (it is stored with the visit):</source>
      <translation>برای ذخیره با وجود تداخل، دلیل را بنویسید (همراه دیدار ثبت می‌شود):</translation>
    </message>
    <message>
      <source>The clash changed since the reason below was given. Keep it or write the new one:</source>
      <translation>تداخل از زمانی که دلیل زیر نوشته شد تغییر کرده است. آن را نگه دارید یا دلیل جدید را بنویسید:</translation>
    </message>
  </context>
  <context>
    <name>CountryForm</name>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>None</source>
      <translation>هیچ</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>اولویت</translation>
    </message>
    <message>
      <source>Priority / target country for the province</source>
      <translation>کشور اولویت‌دار / هدف استان</translation>
    </message>
    <message>
      <source>Target country</source>
      <translation>کشور هدف</translation>
    </message>
  </context>
  <context>
    <name>CountryTableModel</name>
    <message>
      <source>Code</source>
      <translation>کد</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Embassy</source>
      <translation>سفارت</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>اولویت</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>هدف</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>بله</translation>
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <source>Dashboard</source>
      <translation>پیشخوان</translation>
    </message>
    <message>
      <source>Today: %1</source>
      <translation>امروز: %1</translation>
    </message>
  </context>
  <context>
    <name>DirectoryModels</name>
    <message>
      <source>(archived)</source>
      <translation>(بایگانی‌شده)</translation>
    </message>
  </context>
  <context>
    <name>DirectoryPage</name>
    <message>
      <source>%1 countries</source>
      <translation>%1 کشور</translation>
    </message>
    <message>
      <source>%1 organizations</source>
      <translation>%1 سازمان</translation>
    </message>
    <message>
      <source>%1 people</source>
      <translation>%1 نفر</translation>
    </message>
    <message>
      <source>%1+ people</source>
      <translation>بیش از %1 نفر</translation>
    </message>
    <message>
      <source>All countries</source>
      <translation>همهٔ کشورها</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>همهٔ انواع</translation>
    </message>
    <message>
      <source>Also list archived records (greyed), to open or restore them</source>
      <translation>رکوردهای بایگانی‌شده هم (کم‌رنگ) نشان داده شوند تا بتوانید آن‌ها را باز یا بازیابی کنید</translation>
    </message>
    <message>
      <source>Countries</source>
      <translation>کشورها</translation>
    </message>
    <message>
      <source>Directory</source>
      <translation>مخاطبان و سازمان‌ها</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>ویرایش</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>Find a country… (Ctrl+K)</source>
      <translation>جستجوی کشور… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Find a person by name, title, organization, country… (Ctrl+K)</source>
      <translation>جستجوی شخص با نام، سمت، سازمان، کشور… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Find an organization… (Ctrl+K)</source>
      <translation>جستجوی سازمان… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Import contacts from Excel…</source>
      <translation>ورود مخاطبان از اکسل…</translation>
    </message>
    <message>
      <source>Merge two selected…</source>
      <translation>ادغام دو مورد انتخاب‌شده…</translation>
    </message>
    <message>
      <source>Merged; %1 links moved.</source>
      <translation>ادغام شد؛ %1 پیوند منتقل شد.</translation>
    </message>
    <message>
      <source>Merged.</source>
      <translation>ادغام شد.</translation>
    </message>
    <message>
      <source>New contact</source>
      <translation>مخاطب جدید</translation>
    </message>
    <message>
      <source>New organization</source>
      <translation>سازمان جدید</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>Organizations</source>
      <translation>سازمان‌ها</translation>
    </message>
    <message>
      <source>People</source>
      <translation>اشخاص</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>ذخیره شد.</translation>
    </message>
    <message>
      <source>Select a row first.</source>
      <translation>ابتدا یک ردیف را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Select exactly two rows to merge.</source>
      <translation>برای ادغام دقیقاً دو ردیف را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Show archived</source>
      <translation>نمایش بایگانی‌شده‌ها</translation>
    </message>
    <message>
      <source>Target countries only</source>
      <translation>فقط کشورهای هدف</translation>
    </message>
    <message>
      <source>No country matches the search. Clear the search box or untick “Target countries only”.</source>
      <translation>کشوری با این جستجو پیدا نشد. جعبهٔ جستجو را پاک کنید یا تیک «فقط کشورهای هدف» را بردارید.</translation>
    </message>
    <message>
      <source>No organization to show. Clear the filters to see every organization, or press “New organization” to add one.</source>
      <translation>سازمانی برای نمایش نیست. برای دیدن همهٔ سازمان‌ها فیلترها را پاک کنید، یا با دکمهٔ «سازمان جدید» سازمانی ثبت کنید.</translation>
    </message>
    <message>
      <source>No contact to show. Clear the filters to see every contact, press “New contact” to add one, or import contacts from Excel.</source>
      <translation>مخاطبی برای نمایش نیست. برای دیدن همهٔ مخاطبان فیلترها را پاک کنید، با دکمهٔ «مخاطب جدید» مخاطبی ثبت کنید، یا مخاطبان را از اکسل وارد کنید.</translation>
    </message>
  </context>
  <context>
    <name>EventFilterBar</name>
    <message>
      <source>All kinds</source>
      <translation>همهٔ انواع</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>Search title, venue, organizer… (Ctrl+K)</source>
      <translation>جستجوی عنوان، محل، برگزارکننده… (Ctrl+K)</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Archived too</source>
      <translation>بایگانی‌شده‌ها هم</translation>
    </message>
  </context>
  <context>
    <name>EventForm</name>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
    </message>
    <message>
      <source>Budget notes</source>
      <translation>یادداشت بودجه</translation>
    </message>
    <message>
      <source>Create next year's event</source>
      <translation>ساخت رویداد سال بعد</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>بایگانی</translation>
    </message>
    <message>
      <source>Delete event</source>
      <translation>بایگانی رویداد</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>شرح</translation>
    </message>
    <message>
      <source>End</source>
      <translation>پایان</translation>
    </message>
    <message>
      <source>End time</source>
      <translation>ساعت پایان</translation>
    </message>
    <message>
      <source>Event: %1</source>
      <translation>رویداد: %1</translation>
    </message>
    <message>
      <source>Fifth</source>
      <translation>پنجم</translation>
    </message>
    <message>
      <source>First</source>
      <translation>اول</translation>
    </message>
    <message>
      <source>Fourth</source>
      <translation>چهارم</translation>
    </message>
    <message>
      <source>General</source>
      <translation>مشخصات</translation>
    </message>
    <message>
      <source>Guests</source>
      <translation>مهمانان</translation>
    </message>
    <message>
      <source>Item (English)</source>
      <translation>بند برنامه (انگلیسی)</translation>
    </message>
    <message>
      <source>Item (Persian)</source>
      <translation>بند برنامه (فارسی)</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Last</source>
      <translation>آخر</translation>
    </message>
    <message>
      <source>Last day (if longer)</source>
      <translation>روز پایان (اگر بیش از یک روز)</translation>
    </message>
    <message>
      <source>Move this event to the archive? It can be restored later.</source>
      <translation>این رویداد به بایگانی منتقل شود؟ بعداً می‌توان آن را بازیابی کرد.</translation>
    </message>
    <message>
      <source>New event</source>
      <translation>رویداد جدید</translation>
    </message>
    <message>
      <source>Next year's event</source>
      <translation>رویداد سال بعد</translation>
    </message>
    <message>
      <source>From %1 the event can move to: %2.</source>
      <translation>از %1 رویداد می‌تواند به این وضعیت‌ها برود: %2.</translation>
    </message>
    <message>
      <source>Held: %1</source>
      <translation>برگزارشده: %1</translation>
    </message>
    <message>
      <source>Taken back:</source>
      <translation>بازگرداندن‌ها:</translation>
    </message>
    <message>
      <source>Undo “held”</source>
      <translation>لغو «برگزارشده»</translation>
    </message>
    <message>
      <source>Why is this event no longer held? The reason is kept in its history.</source>
      <translation>چرا این رویداد دیگر «برگزارشده» نیست؟ دلیل در سابقهٔ رویداد می‌ماند.</translation>
    </message>
    <message>
      <source>Order of precedence</source>
      <translation>ترتیب تقدم تشریفاتی</translation>
    </message>
    <message>
      <source>Organizer</source>
      <translation>برگزارکننده</translation>
    </message>
    <message>
      <source>Organizer (English)</source>
      <translation>برگزارکننده (انگلیسی)</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>چاپ / PDF</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>برنامه</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Save the event first.</source>
      <translation>ابتدا رویداد را ذخیره کنید.</translation>
    </message>
    <message>
      <source>Save the event with a yearly rule first.</source>
      <translation>ابتدا رویداد را با قاعدهٔ تکرار سالانه ذخیره کنید.</translation>
    </message>
    <message>
      <source>Seating</source>
      <translation>چیدمان میزها</translation>
    </message>
    <message>
      <source>Second</source>
      <translation>دوم</translation>
    </message>
    <message>
      <source>Speaker (English)</source>
      <translation>سخنران (انگلیسی)</translation>
    </message>
    <message>
      <source>Speaker / performer</source>
      <translation>سخنران / اجراکننده</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>آغاز</translation>
    </message>
    <message>
      <source>Start time</source>
      <translation>ساعت آغاز</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>The event has unsaved changes. Close the form and discard them?</source>
      <translation>تغییرات رویداد ذخیره نشده است. فرم بسته شود و تغییرات از دست برود؟</translation>
    </message>
    <message>
      <source>Third</source>
      <translation>سوم</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>عنوان (انگلیسی)</translation>
    </message>
    <message>
      <source>Title (Persian)</source>
      <translation>عنوان (فارسی)</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>محل</translation>
    </message>
    <message>
      <source>Venue (English)</source>
      <translation>محل (انگلیسی)</translation>
    </message>
    <message>
      <source>e.g. 17:00</source>
      <translation>مثلاً ۱۷:۰۰</translation>
    </message>
    <message>
      <source>e.g. 20:00</source>
      <translation>مثلاً ۲۰:۰۰</translation>
    </message>
  </context>
  <context>
    <name>EventReports</name>
    <message>
      <source>Attendance summary</source>
      <translation>گزارش حضور مهمانان</translation>
    </message>
    <message>
      <source>Guest list by order of precedence</source>
      <translation>فهرست مهمانان به ترتیب تقدم تشریفاتی</translation>
    </message>
    <message>
      <source>Invitation letters</source>
      <translation>دعوت‌نامه‌ها</translation>
    </message>
    <message>
      <source>Name badges</source>
      <translation>کارت‌های شناسایی مهمانان</translation>
    </message>
    <message>
      <source>Place cards</source>
      <translation>کارت‌های نام روی میز</translation>
    </message>
    <message>
      <source>Seating plan</source>
      <translation>نقشهٔ چیدمان میزها</translation>
    </message>
  </context>
  <context>
    <name>EventTableModel</name>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Invited</source>
      <translation>دعوت‌شده</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Replies (yes / no / none)</source>
      <translation>اعلام حضور / عدم حضور / بی‌پاسخ</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>محل</translation>
    </message>
    <message>
      <source>Yearly</source>
      <translation>سالانه</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>بله</translation>
    </message>
  </context>
  <context>
    <name>EventsPage</name>
    <message>
      <source>%1 events</source>
      <translation>%1 رویداد</translation>
    </message>
    <message>
      <source>Check-in at the door</source>
      <translation>پذیرش مهمانان</translation>
    </message>
    <message>
      <source>Check-in for this event</source>
      <translation>پذیرش مهمانان این رویداد</translation>
    </message>
    <message>
      <source>Create next year's event</source>
      <translation>ساخت رویداد سال بعد</translation>
    </message>
    <message>
      <source>Event moved to the archive.</source>
      <translation>رویداد به بایگانی منتقل شد.</translation>
    </message>
    <message>
      <source>Event saved.</source>
      <translation>رویداد ذخیره شد.</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>رویدادها</translation>
    </message>
    <message>
      <source>Every event of the list as filtered and sorted, as .xlsx or .csv</source>
      <translation>همهٔ رویدادهای فهرست با همین فیلترها و ترتیب، در قالب ‎.xlsx یا ‎.csv</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>New event</source>
      <translation>رویداد جدید</translation>
    </message>
    <message>
      <source>Next year's event created as a draft, with the programme and guest list.</source>
      <translation>رویداد سال بعد با برنامه و فهرست مهمانان به صورت پیش‌نویس ساخته شد.</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>چاپ / PDF</translation>
    </message>
    <message>
      <source>Report ready: %1</source>
      <translation>گزارش آماده شد: %1</translation>
    </message>
    <message>
      <source>Select an event in the list first.</source>
      <translation>ابتدا رویدادی را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
      <source>No event to show. Clear the filters to see every event, or press “New event” to record one.</source>
      <translation>رویدادی برای نمایش نیست. برای دیدن همهٔ رویدادها فیلترها را پاک کنید، یا با دکمهٔ «رویداد جدید» رویدادی ثبت کنید.</translation>
    </message>
  </context>
  <context>
    <name>ExpiringAgreementsCard</name>
    <message>
      <source>%1 days left</source>
      <translation>%1 روز مانده</translation>
    </message>
    <message>
      <source>Agreements expiring within %1 days (%2)</source>
      <translation>موافقت‌نامه‌های رو به انقضا در %1 روز آینده (%2)</translation>
    </message>
    <message>
      <source>No agreement expires soon.</source>
      <translation>موافقت‌نامه‌ای به‌زودی منقضی نمی‌شود.</translation>
    </message>
    <message>
      <source>renews automatically</source>
      <translation>تمدید خودکار</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>Search title, guests, venue… (Ctrl+K)</source>
      <translation>جستجو در عنوان، مهمانان، محل… (Ctrl+K)</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
  </context>
  <context>
    <name>FirstRunCard</name>
    <message>
      <source>Load sample data</source>
      <translation>بارگذاری دادهٔ نمونه</translation>
    </message>
    <message>
      <source>Loading sample data…</source>
      <translation>در حال بارگذاری دادهٔ نمونه…</translation>
    </message>
    <message>
      <source>Sample data loaded: %1 records.</source>
      <translation>دادهٔ نمونه بارگذاری شد: %1 رکورد.</translation>
    </message>
    <message>
      <source>The database is empty. You can start entering your own contacts and visits, or load sample data (countries, embassies, contacts, visits) to try the application first.</source>
      <translation>پایگاه داده خالی است. می‌توانید ورود مخاطبان و دیدارهای خود را آغاز کنید، یا برای آشنایی با برنامه ابتدا دادهٔ نمونه (کشورها، سفارتخانه‌ها، مخاطبان، دیدارها) را بارگذاری کنید.</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translation>خوش آمدید</translation>
    </message>
  </context>
  <context>
    <name>GlobalSearch</name>
    <message>
      <source>Nothing found.</source>
      <translation>چیزی پیدا نشد.</translation>
    </message>
    <message>
      <source>People, organizations, countries, visits, agreements, events, follow-ups</source>
      <translation>اشخاص، سازمان‌ها، کشورها، دیدارها، موافقت‌نامه‌ها، رویدادها، پیگیری‌ها</translation>
    </message>
    <message>
      <source>Record number %1</source>
      <translation>شمارهٔ رکورد %1</translation>
    </message>
    <message>
      <source>Search everything… (Ctrl+K)</source>
      <translation>جستجو در همه‌چیز… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Show more %1…</source>
      <translation>نمایش %1 بیشتر…</translation>
    </message>
  </context>
  <context>
    <name>GuestTableModel</name>
    <message>
      <source>Attended</source>
      <translation>حضور</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>شیوهٔ ارسال</translation>
    </message>
    <message>
      <source>Companions</source>
      <translation>همراهان</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Invitation sent</source>
      <translation>ارسال دعوت‌نامه</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>ملاحظات</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>پاسخ دعوت</translation>
    </message>
    <message>
      <source>Reply date</source>
      <translation>تاریخ پاسخ</translation>
    </message>
    <message>
      <source>Table / seat</source>
      <translation>میز / صندلی</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>سمت</translation>
    </message>
  </context>
  <context>
    <name>GuestsTab</name>
    <message>
      <source>%1 guests — attending %2, declined %3, no reply %4</source>
      <translation>%1 مهمان — اعلام حضور %2، عدم حضور %3، بی‌پاسخ %4</translation>
    </message>
    <message>
      <source>%1 invitations recorded as sent.</source>
      <translation>ارسال %1 دعوت‌نامه ثبت شد.</translation>
    </message>
    <message>
      <source>%1 invited.</source>
      <translation>«%1» دعوت شد.</translation>
    </message>
    <message>
      <source>%1 people invited, %2 skipped.</source>
      <translation>%1 نفر دعوت شدند، %2 نفر کنار گذاشته شدند.</translation>
    </message>
    <message>
      <source>A date is required.</source>
      <translation>تاریخ را وارد کنید.</translation>
    </message>
    <message>
      <source>All replies</source>
      <translation>همهٔ پاسخ‌ها</translation>
    </message>
    <message>
      <source>Apply to all guests</source>
      <translation>برای همهٔ مهمانان</translation>
    </message>
    <message>
      <source>Choose a person from the directory first.</source>
      <translation>ابتدا شخصی را از فهرست مخاطبان انتخاب کنید.</translation>
    </message>
    <message>
      <source>Companions</source>
      <translation>همراهان</translation>
    </message>
    <message>
      <source>Filter guests by name</source>
      <translation>جستجوی مهمان با نام</translation>
    </message>
    <message>
      <source>Guest saved.</source>
      <translation>مشخصات مهمان ذخیره شد.</translation>
    </message>
    <message>
      <source>Interpreter for</source>
      <translation>مترجمِ</translation>
    </message>
    <message>
      <source>Invitation sent on</source>
      <translation>تاریخ ارسال دعوت‌نامه</translation>
    </message>
    <message>
      <source>Invite</source>
      <translation>دعوت</translation>
    </message>
    <message>
      <source>Invite by filter…</source>
      <translation>دعوت گروهی…</translation>
    </message>
    <message>
      <source>Record invitations as sent on</source>
      <translation>ثبت ارسال دعوت‌نامه‌ها در تاریخ</translation>
    </message>
    <message>
      <source>Remarks (interpreter, dietary…)</source>
      <translation>ملاحظات (مترجم، رژیم غذایی…)</translation>
    </message>
    <message>
      <source>Replied: attending</source>
      <translation>پاسخ: اعلام حضور</translation>
    </message>
    <message>
      <source>Replied: declined</source>
      <translation>پاسخ: عدم حضور</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>پاسخ دعوت</translation>
    </message>
    <message>
      <source>Reply date</source>
      <translation>تاریخ پاسخ</translation>
    </message>
    <message>
      <source>Reply recorded.</source>
      <translation>پاسخ ثبت شد.</translation>
    </message>
    <message>
      <source>Save guest</source>
      <translation>ذخیرهٔ مهمان</translation>
    </message>
    <message>
      <source>Select a guest in the list.</source>
      <translation>مهمانی را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
      <source>Selected guest</source>
      <translation>مهمان انتخاب‌شده</translation>
    </message>
    <message>
      <source>Sent by</source>
      <translation>شیوهٔ ارسال</translation>
    </message>
    <message>
      <source>Withdraw invitation</source>
      <translation>پس گرفتن دعوت</translation>
    </message>
    <message>
      <source>Withdraw the invitation of %1?</source>
      <translation>دعوت «%1» پس گرفته شود؟</translation>
    </message>
  </context>
  <context>
    <name>HistoryTable</name>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>جزئیات</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
  </context>
  <context>
    <name>HolidayTableModel</name>
    <message>
      <source>Added by the office</source>
      <translation>افزودهٔ دفتر</translation>
    </message>
    <message>
      <source>Approximate</source>
      <translation>تقریبی</translation>
    </message>
    <message>
      <source>Computed date</source>
      <translation>تاریخ محاسبه‌شده</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>تأییدشده</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Fixed</source>
      <translation>ثابت (شمسی)</translation>
    </message>
    <message>
      <source>Fixed date</source>
      <translation>تاریخ ثابت</translation>
    </message>
    <message>
      <source>Holiday</source>
      <translation>تعطیلی</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Lunar</source>
      <translation>قمری</translation>
    </message>
    <message>
      <source>Not a holiday this year</source>
      <translation>امسال تعطیل نیست</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
  </context>
  <context>
    <name>Holidays</name>
    <message>
      <source>%1 (approx.)</source>
      <translation>%1 (تقریبی)</translation>
    </message>
  </context>
  <context>
    <name>HolidaysDialog</name>
    <message>
      <source>A date is required.</source>
      <translation>تاریخ را وارد کنید.</translation>
    </message>
    <message>
      <source>Add a holiday…</source>
      <translation>افزودن تعطیلی…</translation>
    </message>
    <message>
      <source>Back to approximate</source>
      <translation>بازگشت به تاریخ تقریبی</translation>
    </message>
    <message>
      <source>Confirm this date</source>
      <translation>تأیید این تاریخ</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>نام انگلیسی</translation>
    </message>
    <message>
      <source>Fixed holidays cannot be changed.</source>
      <translation>تعطیلات ثابت تغییرپذیر نیستند.</translation>
    </message>
    <message>
      <source>Lunar holidays are computed approximately (the tabular Hijri calendar may be a day off the sighted moon). Confirm or correct each one when it is announced.</source>
      <translation>تعطیلات قمری به‌طور تقریبی محاسبه می‌شوند (تقویم قمری محاسباتی ممکن است یک روز با رؤیت هلال فرق کند). هر یک را پس از اعلام رسمی تأیید یا اصلاح کنید.</translation>
    </message>
    <message>
      <source>New holiday added by the office</source>
      <translation>تعطیلی جدید به انتخاب دفتر</translation>
    </message>
    <message>
      <source>Next year</source>
      <translation>سال بعد</translation>
    </message>
    <message>
      <source>Not a holiday this year</source>
      <translation>امسال تعطیل نیست</translation>
    </message>
    <message>
      <source>Official holidays</source>
      <translation>تعطیلات رسمی</translation>
    </message>
    <message>
      <source>Persian name</source>
      <translation>نام فارسی</translation>
    </message>
    <message>
      <source>Previous year</source>
      <translation>سال قبل</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <source>Selected holiday</source>
      <translation>تعطیلی انتخاب‌شده</translation>
    </message>
    <message>
      <source>Year %1</source>
      <translation>سال %1</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>%1 rows ready, %2 errors, %3 likely duplicates, %4 new organizations.</source>
      <translation>%1 ردیف آماده، %2 خطا، %3 تکراری احتمالی، %4 سازمان جدید.</translation>
    </message>
    <message>
      <source>Add as a new contact</source>
      <translation>افزودن به‌عنوان مخاطب جدید</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>بازگشت</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>انتخاب…</translation>
    </message>
    <message>
      <source>Check the file</source>
      <translation>بررسی پرونده</translation>
    </message>
    <message>
      <source>Choice</source>
      <translation>انتخاب</translation>
    </message>
    <message>
      <source>Choose a file first.</source>
      <translation>ابتدا پرونده را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Choose the contact sheet (.xlsx). Common Persian and English headers are recognised (name, surname, title, organization, country, phone, e-mail). Nothing is written until you press Import, and then either every row is imported or none.</source>
      <translation>پروندهٔ اکسل مخاطبان (‎.xlsx) را انتخاب کنید. سرستون‌های رایج فارسی و انگلیسی (نام، نام خانوادگی، سمت، سازمان، کشور، تلفن، رایانامه) شناخته می‌شوند. تا دکمه «ورود» را نزنید چیزی ثبت نمی‌شود و سپس یا همهٔ ردیف‌ها وارد می‌شوند یا هیچ‌کدام.</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>بستن</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>ستون</translation>
    </message>
    <message>
      <source>Column mapping</source>
      <translation>نگاشت ستون‌ها</translation>
    </message>
    <message>
      <source>Column mapping for other layouts (optional, JSON):</source>
      <translation>نگاشت ستون‌ها برای قالب‌های دیگر (اختیاری، JSON):</translation>
    </message>
    <message>
      <source>Contact sheet</source>
      <translation>پروندهٔ اکسل مخاطبان</translation>
    </message>
    <message>
      <source>Correct the errors in the Excel file and check it again; nothing is imported while any row has an error.</source>
      <translation>خطاها را در پروندهٔ اکسل اصلاح کنید و دوباره بررسی کنید؛ تا وقتی ردیفی خطا دارد هیچ ردیفی وارد نمی‌شود.</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Duplicates (%1)</source>
      <translation>تکراری‌ها (%1)</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>رایانامه</translation>
    </message>
    <message>
      <source>Errors (%1)</source>
      <translation>خطاها (%1)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;All files (*)</source>
      <translation>کارپوشهٔ اکسل (*.xlsx);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
      <source>For every duplicate:</source>
      <translation>برای همهٔ تکراری‌ها:</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>ورود</translation>
    </message>
    <message>
      <source>Import contacts from Excel</source>
      <translation>ورود مخاطبان از اکسل</translation>
    </message>
    <message>
      <source>Imported: %1 added, %2 merged, %3 skipped; %4 organizations created.</source>
      <translation>ورود انجام شد: %1 افزوده، %2 ادغام، %3 رد شد؛ %4 سازمان ساخته شد.</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>در حال ورود…</translation>
    </message>
    <message>
      <source>Job title</source>
      <translation>سمت</translation>
    </message>
    <message>
      <source>Looks like</source>
      <translation>شبیه به</translation>
    </message>
    <message>
      <source>Mapping (*.json);;All files (*)</source>
      <translation>نگاشت (*.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
      <source>Merge into the existing contact</source>
      <translation>ادغام با مخاطب موجود</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <source>New organizations to be created: %1</source>
      <translation>سازمان‌های جدید که ساخته می‌شوند: %1</translation>
    </message>
    <message>
      <source>Notes (%1)</source>
      <translation>یادداشت‌ها (%1)</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>سازمان</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>تلفن</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>مشکل</translation>
    </message>
    <message>
      <source>Reading and checking the file…</source>
      <translation>در حال خواندن و بررسی پرونده…</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Rows (%1)</source>
      <translation>ردیف‌ها (%1)</translation>
    </message>
    <message>
      <source>Skip (keep the directory as it is)</source>
      <translation>رد کردن (فهرست مخاطبان بدون تغییر)</translation>
    </message>
    <message>
      <source>Step 1 of 3: choose the file</source>
      <translation>گام ۱ از ۳: انتخاب پرونده</translation>
    </message>
    <message>
      <source>Step 2 of 3: check the rows</source>
      <translation>گام ۲ از ۳: بررسی ردیف‌ها</translation>
    </message>
    <message>
      <source>Step 3 of 3: done</source>
      <translation>گام ۳ از ۳: پایان</translation>
    </message>
    <message>
      <source>With the chosen choices: %1 added, %2 merged, %3 skipped.</source>
      <translation>با انتخاب‌های کنونی: %1 افزوده، %2 ادغام و %3 رد می‌شود.</translation>
    </message>
    <message>
      <source>new</source>
      <translation>جدید</translation>
    </message>
  </context>
  <context>
    <name>IntegrityWatch</name>
    <message>
      <source>Database damaged</source>
      <translation>پایگاه داده آسیب دیده است</translation>
    </message>
    <message>
      <source>The full check of the database found damage. Enter no new data: restore the latest backup (Backup → Restore from a backup…), or run the 'check' command and ask for support.</source>
      <translation>بررسی کامل پایگاه داده نشان داد که پرونده آسیب دیده است. دادهٔ جدید وارد نکنید: آخرین نسخهٔ پشتیبان را بازیابی کنید (پشتیبان ← بازیابی از پشتیبان…)، یا فرمان «check» را اجرا کنید و از پشتیبانی فنی کمک بخواهید.</translation>
    </message>
  </context>
  <context>
    <name>InviteByFilterDialog</name>
    <message>
      <source>%1 people match; %2 will be invited, %3 are already invited.</source>
      <translation>%1 نفر با شرط‌ها مطابقت دارند؛ %2 نفر دعوت می‌شوند و %3 نفر پیش‌تر دعوت شده‌اند.</translation>
    </message>
    <message>
      <source>All heads of mission (ambassadors, envoys, chargés d'affaires)</source>
      <translation>همهٔ سران نمایندگی‌ها (سفیران، وزیران مختار، کارداران)</translation>
    </message>
    <message>
      <source>Any country</source>
      <translation>همهٔ کشورها</translation>
    </message>
    <message>
      <source>Any kind of organization</source>
      <translation>همهٔ انواع سازمان</translation>
    </message>
    <message>
      <source>Any region</source>
      <translation>همهٔ مناطق</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Include chargés d'affaires ad interim</source>
      <translation>کارداران موقت هم</translation>
    </message>
    <message>
      <source>Invitation sent on</source>
      <translation>تاریخ ارسال دعوت‌نامه</translation>
    </message>
    <message>
      <source>Invite</source>
      <translation>دعوت</translation>
    </message>
    <message>
      <source>Invite by filter</source>
      <translation>دعوت گروهی</translation>
    </message>
    <message>
      <source>Organization kind</source>
      <translation>نوع سازمان</translation>
    </message>
    <message>
      <source>Preview who would be invited</source>
      <translation>پیش‌نمایش دعوت‌شوندگان</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>منطقه</translation>
    </message>
    <message>
      <source>Sent by</source>
      <translation>شیوهٔ ارسال</translation>
    </message>
    <message>
      <source>already invited, will be skipped</source>
      <translation>پیش‌تر دعوت شده؛ دوباره دعوت نمی‌شود</translation>
    </message>
  </context>
  <context>
    <name>InviteReport</name>
    <message>
      <source>%1 people invited.</source>
      <translation>%1 نفر دعوت شدند.</translation>
    </message>
    <message>
      <source>%1 skipped (already invited or archived):</source>
      <translation>%1 نفر کنار گذاشته شدند (پیش‌تر دعوت‌شده یا بایگانی‌شده):</translation>
    </message>
  </context>
  <context>
    <name>JalaliCalendarPopup</name>
    <message>
      <source>Next month</source>
      <translation>ماه بعد</translation>
    </message>
    <message>
      <source>Previous month</source>
      <translation>ماه قبل</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>امروز</translation>
    </message>
  </context>
  <context>
    <name>JalaliDateEdit</name>
    <message>
      <source>A date is required.</source>
      <translation>تاریخ را وارد کنید.</translation>
    </message>
    <message>
      <source>Pick from the calendar</source>
      <translation>انتخاب از تقویم</translation>
    </message>
    <message>
      <source>e.g. %1</source>
      <translation>مثلاً %1</translation>
    </message>
  </context>
  <context>
    <name>JalaliDateTimeEdit</name>
    <message>
      <source>A time is required.</source>
      <translation>ساعت را وارد کنید.</translation>
    </message>
    <message>
      <source>Time (24-hour)</source>
      <translation>ساعت (۲۴ساعته)</translation>
    </message>
    <message>
      <source>e.g. 09:30</source>
      <translation>مثلاً ۰۹:۳۰</translation>
    </message>
  </context>
  <context>
    <name>ListExport</name>
    <message>
      <source>%1 rows exported to %2</source>
      <translation>%1 ردیف در «%2» ذخیره شد</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
      <translation>کارپوشهٔ اکسل (*.xlsx);;CSV با UTF-8 (*.csv)</translation>
    </message>
    <message>
      <source>Export to Excel/CSV</source>
      <translation>خروجی اکسل / CSV</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>در حال ساختن خروجی…</translation>
    </message>
  </context>
  <context>
    <name>ListFilterBar</name>
    <message>
      <source>All countries</source>
      <translation>همهٔ کشورها</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>A USB stick or disk can be pulled out while the program writes. Keep the database on this computer's disk; use removable media for backups only.</source>
      <translation>حافظه یا دیسک USB ممکن است هنگام نوشتن برنامه جدا شود. پایگاه داده را روی دیسک همین رایانه نگه دارید و حافظهٔ جداشدنی را فقط برای نسخهٔ پشتیبان به کار ببرید.</translation>
    </message>
    <message>
      <source>Database file</source>
      <translation>پرونده پایگاه داده</translation>
    </message>
    <message>
      <source>Language changed.</source>
      <translation>زبان تغییر کرد.</translation>
    </message>
    <message>
      <source>Opening the database…</source>
      <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
      <source>New</source>
      <translation>جدید</translation>
    </message>
    <message>
      <source>New record (Ctrl+N)</source>
      <translation>مورد جدید (Ctrl+N)</translation>
    </message>
    <message>
      <source>Official holidays…</source>
      <translation>تعطیلات رسمی…</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>چاپ</translation>
    </message>
    <message>
      <source>Print (Ctrl+P)</source>
      <translation>چاپ (Ctrl+P)</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>ذخیره (Ctrl+S)</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>جستجو</translation>
    </message>
    <message>
      <source>Search (Ctrl+K)</source>
      <translation>جستجو (Ctrl+K)</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>تنظیمات</translation>
    </message>
    <message>
      <source>The database is on removable media (USB)</source>
      <translation>پایگاه داده روی حافظهٔ جداشدنی (USB) است</translation>
    </message>
    <message>
      <source>The computer's time zone is UTC%1, not Tehran's UTC+03:30: times may be an hour off. Install the Windows time-zone update or correct the time zone.</source>
      <translation>منطقهٔ زمانی این رایانه UTC%1 است، نه UTC+۰۳:۳۰ تهران: زمان‌ها ممکن است یک ساعت جابه‌جا باشند. به‌روزرسانی منطقهٔ زمانی ویندوز را نصب کنید یا منطقهٔ زمانی را درست کنید.</translation>
    </message>
    <message>
      <source>Toolbar</source>
      <translation>نوار ابزار</translation>
    </message>
    <message>
      <source>Create the administrator…</source>
      <translation>ایجاد مدیر سامانه…</translation>
    </message>
    <message>
      <source>Users…</source>
      <translation>کاربران…</translation>
    </message>
    <message>
      <source>Change password…</source>
      <translation>تغییر گذرواژه…</translation>
    </message>
    <message>
      <source>Your password was changed.</source>
      <translation>گذرواژهٔ شما تغییر کرد.</translation>
    </message>
    <message>
      <source>User: %1 (%2)</source>
      <translation>کاربر: %1 (%2)</translation>
    </message>
    <message>
      <source>Connection to the office's server…</source>
      <translation>اتصال به سرور اداره…</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>Also any guest lists, delegations, signatures and attachments.</source>
      <translation>همچنین فهرست‌های مهمانان، هیئت‌ها، امضاها و پیوست‌ها.</translation>
    </message>
    <message>
      <source>Also its members, sub-organizations, agreement parties and attachments.</source>
      <translation>همچنین اعضا، زیرمجموعه‌ها، طرف‌های موافقت‌نامه و پیوست‌ها.</translation>
    </message>
    <message>
      <source>Empty fields of the kept record are filled from the other; differing phones, e-mails and notes are joined.</source>
      <translation>خانه‌های خالی رکورد ماندنی از رکورد دیگر پر می‌شوند؛ تلفن‌ها، رایانامه‌ها و یادداشت‌های متفاوت کنار هم نگه داشته می‌شوند.</translation>
    </message>
    <message>
      <source>Keep the other one instead</source>
      <translation>به‌جای آن، دیگری بماند</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>ادغام</translation>
    </message>
    <message>
      <source>Merge duplicates</source>
      <translation>ادغام تکراری‌ها</translation>
    </message>
    <message>
      <source>agreements</source>
      <translation>موافقت‌نامه</translation>
    </message>
    <message>
      <source>events</source>
      <translation>رویداد</translation>
    </message>
    <message>
      <source>follow-ups</source>
      <translation>اقدام پیگیری</translation>
    </message>
    <message>
      <source>visits</source>
      <translation>دیدار</translation>
    </message>
    <message>
      <source>«%1» will be kept.</source>
      <translation>«%1» می‌ماند.</translation>
    </message>
    <message>
      <source>«%1» will be removed; everything linked to it moves to the kept record:</source>
      <translation>«%1» حذف می‌شود و هرچه به آن پیوند دارد به رکورد ماندنی منتقل می‌شود:</translation>
    </message>
  </context>
  <context>
    <name>Modules</name>
    <message>
      <source>Target markets</source>
      <translation>بازارهای هدف</translation>
    </message>
    <message>
      <source>Outgoing letters</source>
      <translation>نامه‌های صادره</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>موافقت‌نامه‌ها</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>پیشخوان</translation>
    </message>
    <message>
      <source>Directory</source>
      <translation>مخاطبان و سازمان‌ها</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>رویدادها</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>دیدارها</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>تقویم</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation>پیگیری‌ها</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>جلسات</translation>
    </message>
    <message>
      <source>Audit trail</source>
      <translation>سابقهٔ تغییرات</translation>
    </message>
    <message>
      <source>Trade delegations</source>
      <translation>هیئت‌های تجاری</translation>
    </message>
    <message>
      <source>Province capacities</source>
      <translation>ظرفیت‌های استان</translation>
    </message>
  </context>
  <context>
    <name>NewContactDialog</name>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>رایانامه</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>نام (انگلیسی)</translation>
    </message>
    <message>
      <source>Name (Persian)</source>
      <translation>نام (فارسی)</translation>
    </message>
    <message>
      <source>New contact</source>
      <translation>مخاطب جدید</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>تلفن</translation>
    </message>
    <message>
      <source>Title / position</source>
      <translation>عنوان / سمت</translation>
    </message>
  </context>
  <context>
    <name>OrganizationForm</name>
    <message>
      <source>Address</source>
      <translation>نشانی</translation>
    </message>
    <message>
      <source>Choose an organization from the list (or leave it empty).</source>
      <translation>سازمان را از فهرست انتخاب کنید (یا خالی بگذارید).</translation>
    </message>
    <message>
      <source>City</source>
      <translation>شهر</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>رایانامه</translation>
    </message>
    <message>
      <source>Edit organization</source>
      <translation>ویرایش سازمان</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>نام (انگلیسی)</translation>
    </message>
    <message>
      <source>Name (Persian)</source>
      <translation>نام (فارسی)</translation>
    </message>
    <message>
      <source>New organization</source>
      <translation>سازمان جدید</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Part of</source>
      <translation>زیرمجموعه</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>تلفن</translation>
    </message>
  </context>
  <context>
    <name>OrganizationTreeModel</name>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>سازمان</translation>
    </message>
  </context>
  <context>
    <name>OverdueFollowUpsCard</name>
    <message>
      <source>No follow-up is overdue.</source>
      <translation>هیچ پیگیری‌ای از مهلتش نگذشته است.</translation>
    </message>
    <message>
      <source>Overdue follow-ups (%1)</source>
      <translation>پیگیری‌های عقب‌افتاده (%1)</translation>
    </message>
    <message>
      <source>deadline</source>
      <translation>مهلت</translation>
    </message>
  </context>
  <context>
    <name>OverdueObligationsCard</name>
    <message>
      <source>%1 days overdue</source>
      <translation>%1 روز گذشته از مهلت</translation>
    </message>
    <message>
      <source>Agreement obligations past deadline (%1)</source>
      <translation>تعهدات موافقت‌نامه‌ها پس از مهلت (%1)</translation>
    </message>
    <message>
      <source>No obligation is overdue.</source>
      <translation>هیچ تعهدی از مهلتش نگذشته است.</translation>
    </message>
    <message>
      <source>deadline</source>
      <translation>مهلت</translation>
    </message>
  </context>
  <context>
    <name>PdfJob</name>
    <message>
      <source>Preparing the PDF…</source>
      <translation>در حال آماده‌سازی PDF…</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>چاپ / PDF</translation>
    </message>
  </context>
  <context>
    <name>PeopleEditor</name>
    <message>
      <source>Add</source>
      <translation>افزودن</translation>
    </message>
    <message>
      <source>New contact…</source>
      <translation>مخاطب جدید…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Type part of a name to search the directory</source>
      <translation>بخشی از نام را برای جستجو در فهرست مخاطبان بنویسید</translation>
    </message>
    <message>
      <source>Role of the guest selected in the list</source>
      <translation>نقش مهمانِ برگزیده در فهرست</translation>
    </message>
  </context>
  <context>
    <name>PersonForm</name>
    <message>
      <source>Choose an organization from the list (or leave it empty).</source>
      <translation>سازمان را از فهرست انتخاب کنید (یا خالی بگذارید).</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Diplomatic rank</source>
      <translation>رتبهٔ دیپلماتیک</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>رایانامه</translation>
    </message>
    <message>
      <source>Edit contact</source>
      <translation>ویرایش مخاطب</translation>
    </message>
    <message>
      <source>Honorific</source>
      <translation>عنوان احترام</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>زبان‌ها</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>نام (انگلیسی)</translation>
    </message>
    <message>
      <source>Name (Persian)</source>
      <translation>نام (فارسی)</translation>
    </message>
    <message>
      <source>New contact</source>
      <translation>مخاطب جدید</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>سازمان</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>تلفن</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>سمت (انگلیسی)</translation>
    </message>
    <message>
      <source>Title / position</source>
      <translation>عنوان / سمت</translation>
    </message>
    <message>
      <source>Took up functions</source>
      <translation>آغاز مأموریت</translation>
    </message>
  </context>
  <context>
    <name>PersonPicker</name>
    <message>
      <source>Type part of a name to search the directory</source>
      <translation>بخشی از نام را برای جستجو در فهرست مخاطبان بنویسید</translation>
    </message>
  </context>
  <context>
    <name>PersonTableModel</name>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>رایانامه</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>سازمان</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>تلفن</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>سمت</translation>
    </message>
  </context>
  <context>
    <name>PrecedenceModel</name>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Decision needed</source>
      <translation>نیازمند تصمیم</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>گروه</translation>
    </message>
    <message>
      <source>Manual</source>
      <translation>دستی</translation>
    </message>
    <message>
      <source>Manual order</source>
      <translation>ترتیب دستی</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>دلیل</translation>
    </message>
    <message>
      <source>Yes — decide</source>
      <translation>بله — تصمیم بگیرید</translation>
    </message>
  </context>
  <context>
    <name>PrecedenceTab</name>
    <message>
      <source>%1 points need a human decision:</source>
      <translation>%1 مورد نیازمند تصمیم کارشناس است:</translation>
    </message>
    <message>
      <source>Clear the manual order</source>
      <translation>حذف ترتیب دستی</translation>
    </message>
    <message>
      <source>Edit the office's rank table that orders guests who are not heads of mission</source>
      <translation>ویرایش جدول رتبه‌های دفتر که ترتیب مهمانانِ غیر از رؤسای نمایندگی را تعیین می‌کند</translation>
    </message>
    <message>
      <source>Heads of mission by class, then by the date and time they took up their functions (Vienna Convention, arts. 14 and 16); chargés d'affaires a.i. after them; other guests by the office's rank table. Rows marked for a decision are never guessed: move them into the right order and save it.</source>
      <translation>سران نمایندگی به ترتیب طبقه و سپس تاریخ و ساعت آغاز مأموریت (کنوانسیون وین، مواد ۱۴ و ۱۶)؛ کارداران موقت پس از آنان؛ سایر مهمانان بر پایهٔ جدول رتبه‌های دفتر. ردیف‌های نیازمند تصمیم هرگز حدس زده نمی‌شوند: آن‌ها را به ترتیب درست جابه‌جا و ذخیره کنید.</translation>
    </message>
    <message>
      <source>Manual order cleared; the rules decide again.</source>
      <translation>ترتیب دستی حذف شد؛ ترتیب دوباره با قواعد تعیین می‌شود.</translation>
    </message>
    <message>
      <source>Manual order of precedence saved.</source>
      <translation>ترتیب دستی تقدم تشریفاتی ذخیره شد.</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>پایین‌تر</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>بالاتر</translation>
    </message>
    <message>
      <source>No tie or missing date: the order is decided by the rules.</source>
      <translation>هم‌زمانی یا تاریخ ناموجودی نیست: ترتیب با قواعد تعیین شده است.</translation>
    </message>
    <message>
      <source>Only guests attending (receiving line)</source>
      <translation>فقط مهمانانی که اعلام حضور کرده‌اند (صف خوشامدگویی)</translation>
    </message>
    <message>
      <source>Rank table…</source>
      <translation>جدول رتبه‌ها…</translation>
    </message>
    <message>
      <source>Save this order</source>
      <translation>ذخیرهٔ این ترتیب</translation>
    </message>
  </context>
  <context>
    <name>RankTableDialog</name>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
    <message>
      <source>Delete the office's rank table and use the built-in default table again? Rows typed here are lost.</source>
      <translation>جدول رتبه‌های دفتر حذف شود و دوباره جدول پیش‌فرض برنامه به کار رود؟ ردیف‌هایی که این‌جا نوشته‌اید از دست می‌روند.</translation>
    </message>
    <message>
      <source>Guests who are not heads of mission are ordered by this table: a title matches the longest row its Persian or English title begins with (spelling variants and spaces do not matter), or a diplomatic rank written as below. A smaller order comes first; people with the same order are flagged for a decision.</source>
      <translation>مهمانانی که رئیس نمایندگی نیستند با این جدول مرتب می‌شوند: سِمَت هر کس با بلندترین ردیفی که سمت فارسی یا انگلیسی او با آن آغاز می‌شود مطابقت می‌یابد (تفاوت املا و فاصله مهم نیست)، یا با رتبهٔ دیپلماتیک به همان نگارشی که در زیر آمده است. رتبهٔ کوچک‌تر جلوتر است؛ افراد هم‌رتبه برای تصمیم شما نشانه‌گذاری می‌شوند.</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>پایین‌تر</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>بالاتر</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>رتبه</translation>
    </message>
    <message>
      <source>Rank table</source>
      <translation>جدول رتبه‌ها</translation>
    </message>
    <message>
      <source>Rank table saved; the order of precedence follows it.</source>
      <translation>جدول رتبه‌ها ذخیره شد؛ ترتیب تقدم تشریفاتی از آن پیروی می‌کند.</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
    <message>
      <source>Reset to defaults</source>
      <translation>بازنشانی به پیش‌فرض</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <source>The built-in default table is in use; saving makes it the office's own.</source>
      <translation>اکنون جدول پیش‌فرض برنامه به کار می‌رود؛ با ذخیره، جدول خودِ دفتر می‌شود.</translation>
    </message>
    <message>
      <source>The default rank table is in use again.</source>
      <translation>جدول رتبه‌های پیش‌فرض دوباره به کار می‌رود.</translation>
    </message>
    <message>
      <source>The office's own table is in use.</source>
      <translation>اکنون جدول خودِ دفتر به کار می‌رود.</translation>
    </message>
    <message>
      <source>The rank table has unsaved changes. Close it and discard them?</source>
      <translation>جدول رتبه‌ها تغییرات ذخیره‌نشده دارد. بسته شود و تغییرات کنار گذاشته شوند؟</translation>
    </message>
    <message>
      <source>Title or rank</source>
      <translation>سمت یا رتبه</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>Discard changes</source>
      <translation>کنار گذاشتن تغییرات</translation>
    </message>
    <message>
      <source>Save the record first; then it can be printed.</source>
      <translation>نخست پرونده را ذخیره کنید؛ سپس می‌توان آن را چاپ کرد.</translation>
    </message>
    <message>
      <source>Printed as last saved: save to include your latest changes.</source>
      <translation>چاپ از آخرین نسخهٔ ذخیره‌شده است؛ برای آمدن تغییرهای تازه، نخست ذخیره کنید.</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>چاپ…</translation>
    </message>
    <message>
      <source>Print this record (Ctrl+P)</source>
      <translation>چاپ این پرونده (Ctrl+P)</translation>
    </message>
    <message>
      <source>Your account may only view: nothing can be saved.</source>
      <translation>حساب شما فقط برای دیدن است؛ چیزی ذخیره نمی‌شود.</translation>
    </message>
  </context>
  <context>
    <name>RecordView</name>
    <message>
      <source>Address</source>
      <translation>نشانی</translation>
    </message>
    <message>
      <source>Agreements (%1)</source>
      <translation>موافقت‌نامه‌ها (%1)</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>بایگانی</translation>
    </message>
    <message>
      <source>City</source>
      <translation>شهر</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>بستن</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>کد</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>رایانامه</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>ویرایش</translation>
    </message>
    <message>
      <source>Events (%1)</source>
      <translation>رویدادها (%1)</translation>
    </message>
    <message>
      <source>Follow-ups (%1)</source>
      <translation>پیگیری‌ها (%1)</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>زبان‌ها</translation>
    </message>
    <message>
      <source>Move the organization «%1» to the archive? It is hidden from the lists and the search; its history stays linked and it can be restored from its page.</source>
      <translation>سازمان «%1» به بایگانی منتقل شود؟ از فهرست‌ها و جستجو پنهان می‌شود، سوابقش پیوسته می‌ماند و از صفحهٔ خودش قابل بازیابی است.</translation>
    </message>
    <message>
      <source>Move «%1» to the archive? They are hidden from the lists and the search; their history stays linked and they can be restored from their page.</source>
      <translation>«%1» به بایگانی منتقل شود؟ از فهرست‌ها و جستجو پنهان می‌شود، سوابقش پیوسته می‌ماند و از صفحهٔ خودش قابل بازیابی است.</translation>
    </message>
    <message>
      <source>Moved to the archive.</source>
      <translation>به بایگانی منتقل شد.</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>نام (انگلیسی)</translation>
    </message>
    <message>
      <source>No</source>
      <translation>خیر</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>سازمان</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>تلفن</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>اولویت</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>بازیابی</translation>
    </message>
    <message>
      <source>Restored from the archive.</source>
      <translation>از بایگانی بازیابی شد.</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>خلاصه</translation>
    </message>
    <message>
      <source>Target country</source>
      <translation>کشور هدف</translation>
    </message>
    <message>
      <source>This record is archived: it is hidden from the lists and the search, and its history stays linked. Restore it to edit it or use it again.</source>
      <translation>این رکورد بایگانی شده است: در فهرست‌ها و جستجو دیده نمی‌شود و سوابقش همچنان پیوسته است. برای ویرایش یا استفادهٔ دوباره، آن را بازیابی کنید.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>سمت</translation>
    </message>
    <message>
      <source>Took up functions</source>
      <translation>آغاز مأموریت</translation>
    </message>
    <message>
      <source>Visits (%1)</source>
      <translation>دیدارها (%1)</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>بله</translation>
    </message>
  </context>
  <context>
    <name>RecurrenceBox</name>
    <message>
      <source>%1 — next occurrence: %2</source>
      <translation>%1 — نوبت بعد: %2</translation>
    </message>
    <message>
      <source>Enter the event's date first.</source>
      <translation>ابتدا تاریخ رویداد را وارد کنید.</translation>
    </message>
    <message>
      <source>From the event's date</source>
      <translation>از روی تاریخ رویداد</translation>
    </message>
    <message>
      <source>Repeats every year (Jalali rule)</source>
      <translation>تکرار سالانه (قاعدهٔ تقویم هجری شمسی)</translation>
    </message>
    <message>
      <source>The event does not repeat.</source>
      <translation>رویداد تکرار نمی‌شود.</translation>
    </message>
    <message>
      <source>of</source>
      <translation>از ماه</translation>
    </message>
  </context>
  <context>
    <name>Regions</name>
    <message>
      <source>Africa</source>
      <translation>آفریقا</translation>
    </message>
    <message>
      <source>Caucasus</source>
      <translation>قفقاز</translation>
    </message>
    <message>
      <source>Central Asia</source>
      <translation>آسیای مرکزی</translation>
    </message>
    <message>
      <source>East Asia</source>
      <translation>شرق آسیا</translation>
    </message>
    <message>
      <source>Europe</source>
      <translation>اروپا</translation>
    </message>
    <message>
      <source>Latin America</source>
      <translation>آمریکای لاتین</translation>
    </message>
    <message>
      <source>Middle East</source>
      <translation>خاورمیانه</translation>
    </message>
    <message>
      <source>North America</source>
      <translation>آمریکای شمالی</translation>
    </message>
    <message>
      <source>Oceania</source>
      <translation>اقیانوسیه</translation>
    </message>
    <message>
      <source>South Asia</source>
      <translation>جنوب آسیا</translation>
    </message>
    <message>
      <source>Southeast Asia</source>
      <translation>جنوب شرق آسیا</translation>
    </message>
  </context>
  <context>
    <name>ReportPrinter</name>
    <message>
      <source>%1 (Word)</source>
      <translation>%1 (Word)</translation>
    </message>
    <message>
      <source>Invitation letters</source>
      <translation>دعوت‌نامه‌ها</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>چاپ</translation>
    </message>
    <message>
      <source>Print the letters anyway?</source>
      <translation>با این حال دعوت‌نامه‌ها چاپ شوند؟</translation>
    </message>
  </context>
  <context>
    <name>ReportsDialog</name>
    <message>
      <source>Format</source>
      <translation>قالب</translation>
    </message>
    <message>
      <source>A day of the week</source>
      <translation>یک روز از هفته</translation>
    </message>
    <message>
      <source>All countries</source>
      <translation>همهٔ کشورها</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
      <source>Both</source>
      <translation>هر دو</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>لغو</translation>
    </message>
    <message>
      <source>Cancelled; no PDF was kept.</source>
      <translation>لغو شد؛ هیچ پرونده PDF نگه داشته نشد.</translation>
    </message>
    <message>
      <source>Choose where to save the PDF.</source>
      <translation>جای ذخیره PDF را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>انتخاب…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>بستن</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>روز</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English (انگلیسی)</translation>
    </message>
    <message>
      <source>Enter a date.</source>
      <translation>تاریخ را وارد کنید.</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>زبان</translation>
    </message>
    <message>
      <source>Open the PDF to print it</source>
      <translation>باز کردن PDF برای چاپ</translation>
    </message>
    <message>
      <source>Persian</source>
      <translation>فارسی</translation>
    </message>
    <message>
      <source>Preparing the PDF…</source>
      <translation>در حال آماده‌سازی PDF…</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>چاپ / PDF</translation>
    </message>
    <message>
      <source>Print the view on screen…</source>
      <translation>چاپ نمای روی صفحه…</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>ذخیره در</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>The PDF was written: %1</source>
      <translation>پرونده PDF نوشته شد: %1</translation>
    </message>
    <message>
      <source>The end is before the start.</source>
      <translation>پایان پیش از آغاز است.</translation>
    </message>
    <message>
      <source>There is no visit to print.</source>
      <translation>دیداری برای چاپ نیست.</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>دیدار</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>Attached files: %1 (%2)</source>
      <translation>پرونده‌های پیوست: %1 (%2)</translation>
    </message>
    <message>
      <source>Backup file</source>
      <translation>پروندهٔ پشتیبان</translation>
    </message>
    <message>
      <source>Check the backup</source>
      <translation>بررسی پشتیبان</translation>
    </message>
    <message>
      <source>Checking the backup…</source>
      <translation>در حال بررسی پشتیبان…</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>انتخاب…</translation>
    </message>
    <message>
      <source>Damaged attached files (set aside, not restored in their place): %1 — %2</source>
      <translation>پرونده‌های پیوست آسیب‌دیده (کنار گذاشته می‌شوند و به جای پروندهٔ اصلی بازیابی نمی‌شوند): %1 — %2</translation>
    </message>
    <message>
      <source>Damaged attached files: none</source>
      <translation>پروندهٔ پیوست آسیب‌دیده: ندارد</translation>
    </message>
    <message>
      <source>Database structure: %1 (%2)</source>
      <translation>ساختار پایگاه داده: %1 (%2)</translation>
    </message>
    <message>
      <source>Database: %1</source>
      <translation>پایگاه داده: %1</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translation>خواندنی نیست</translation>
    </message>
    <message>
      <source>no entries</source>
      <translation>بدون مدخل</translation>
    </message>
    <message>
      <source>Audit trail: not recorded in this backup (this database: %1)</source>
      <translation>سابقهٔ تغییرات: در این نسخهٔ پشتیبان ثبت نشده است (این پایگاه داده: %1)</translation>
    </message>
    <message>
      <source>Audit trail: up to entry %1 (this database: %2)</source>
      <translation>سابقهٔ تغییرات: تا مدخل %1 (این پایگاه داده: %2)</translation>
    </message>
    <message>
      <source>up to entry %1</source>
      <translation>تا مدخل %1</translation>
    </message>
    <message>
      <source>I understand that the current data will be replaced by this backup.</source>
      <translation>می‌دانم که داده‌های کنونی با این پشتیبان جایگزین می‌شوند.</translation>
    </message>
    <message>
      <source>Made by version: %1</source>
      <translation>ساخته‌شده با نسخه: %1</translation>
    </message>
    <message>
      <source>Made on: %1</source>
      <translation>تاریخ ساخت: %1</translation>
    </message>
    <message>
      <source>Only for a password-protected backup</source>
      <translation>فقط برای پشتیبان دارای گذرواژه</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>گذرواژه</translation>
    </message>
    <message>
      <source>Password protected: %1</source>
      <translation>دارای گذرواژه: %1</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>بازیابی</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>بازیابی از پشتیبان</translation>
    </message>
    <message>
      <source>Restoring replaces all current data with the backup's. The backup is checked completely first, and a copy of the current database is kept in the backups folder.</source>
      <translation>بازیابی همهٔ داده‌های کنونی را با داده‌های پشتیبان جایگزین می‌کند. نخست همهٔ پروندهٔ پشتیبان بررسی می‌شود و یک نسخه از پایگاه داده کنونی در پوشه پشتیبان‌ها نگه داشته می‌شود.</translation>
    </message>
    <message>
      <source>Restoring… The application cannot be used until this finishes.</source>
      <translation>در حال بازیابی… تا پایان کار نمی‌توان با برنامه کار کرد.</translation>
    </message>
    <message>
      <source>The backup is sound.</source>
      <translation>پشتیبان سالم است.</translation>
    </message>
    <message>
      <source>The backup was restored.</source>
      <translation>پشتیبان بازیابی شد.</translation>
    </message>
    <message>
      <source>The previous database was kept as %1.</source>
      <translation>پایگاه داده پیشین با نام %1 نگه داشته شد.</translation>
    </message>
    <message>
      <source>no</source>
      <translation>خیر</translation>
    </message>
    <message>
      <source>older; it will be upgraded after the restore</source>
      <translation>قدیمی‌تر؛ پس از بازیابی به‌روز می‌شود</translation>
    </message>
    <message>
      <source>the same as this application</source>
      <translation>همسان با این برنامه</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>بله</translation>
    </message>
  </context>
  <context>
    <name>SeatingTab</name>
    <message>
      <source>Add table</source>
      <translation>افزودن میز</translation>
    </message>
    <message>
      <source>Also seat guests without a reply</source>
      <translation>مهمانان بی‌پاسخ هم جای داده شوند</translation>
    </message>
    <message>
      <source>Attending but without a seat (%1): %2</source>
      <translation>اعلام حضور کرده‌اند ولی صندلی ندارند (%1): %2</translation>
    </message>
    <message>
      <source>Behind the principal</source>
      <translation>پشت سر مهمان</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>مهمان</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>میزبان</translation>
    </message>
    <message>
      <source>Interpreters behind their principal</source>
      <translation>مترجمان پشت سر مهمان</translation>
    </message>
    <message>
      <source>Interpreters beside their principal</source>
      <translation>مترجمان کنار مهمان</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>برچسب</translation>
    </message>
    <message>
      <source>Label (e.g. head table)</source>
      <translation>برچسب (مثلاً میز اصلی)</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>مکان</translation>
    </message>
    <message>
      <source>Place by hand:</source>
      <translation>جای‌دهی دستی:</translation>
    </message>
    <message>
      <source>Placed by hand</source>
      <translation>دستی</translation>
    </message>
    <message>
      <source>Remove table</source>
      <translation>حذف میز</translation>
    </message>
    <message>
      <source>Round table</source>
      <translation>میز گرد</translation>
    </message>
    <message>
      <source>Save tables and assign seats by precedence</source>
      <translation>ذخیرهٔ میزها و چیدمان به ترتیب تقدم</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>صندلی</translation>
    </message>
    <message>
      <source>Seat saved.</source>
      <translation>صندلی ثبت شد.</translation>
    </message>
    <message>
      <source>Seating plan saved.</source>
      <translation>چیدمان میزها ذخیره شد.</translation>
    </message>
    <message>
      <source>Seats</source>
      <translation>صندلی‌ها</translation>
    </message>
    <message>
      <source>Shape</source>
      <translation>شکل</translation>
    </message>
    <message>
      <source>Straight (head) table</source>
      <translation>میز ردیفی (جایگاه)</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>میز</translation>
    </message>
    <message>
      <source>Tables</source>
      <translation>میزها</translation>
    </message>
    <message>
      <source>Take off the plan</source>
      <translation>برداشتن از چیدمان</translation>
    </message>
    <message>
      <source>behind</source>
      <translation>پشت سر</translation>
    </message>
    <message>
      <source>host</source>
      <translation>میزبان</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>Automatic backup</source>
      <translation>پشتیبان‌گیری خودکار</translation>
    </message>
    <message>
      <source>Automatic backups to keep</source>
      <translation>شمار پشتیبان‌های خودکار نگه‌داشته</translation>
    </message>
    <message>
      <source>Daily, while the application runs</source>
      <translation>روزانه، هنگام کار برنامه</translation>
    </message>
    <message>
      <source>Default visits view</source>
      <translation>نمای پیش‌فرض دیدارها</translation>
    </message>
    <message>
      <source>Font size</source>
      <translation>اندازهٔ قلم</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>زبان</translation>
    </message>
    <message>
      <source>List</source>
      <translation>فهرست</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>خاموش</translation>
    </message>
    <message>
      <source>On exit (once a day)</source>
      <translation>هنگام خروج (روزی یک بار)</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>هفته</translation>
    </message>
    <message>
      <source>My name (for “My follow-ups”)</source>
      <translation>نام من (برای «پیگیری‌های من»)</translation>
    </message>
    <message>
      <source>Server database address</source>
      <translation>نشانی پایگاه داده سرور</translation>
    </message>
    <message>
      <source>Shared attachments folder</source>
      <translation>پوشهٔ مشترک پیوست‌ها</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>تنظیمات</translation>
    </message>
  </context>
  <context>
    <name>SingleInstance</name>
    <message>
      <source>The program is already open on this database. If its window does not appear, end it in Task Manager and start the program again.</source>
      <translation>برنامه روی همین پایگاه داده باز است. اگر پنجره‌اش نمایان نشد، آن را در Task Manager ببندید و برنامه را دوباره باز کنید.</translation>
    </message>
  </context>
  <context>
    <name>StalledReviewsCard</name>
    <message>
      <source>No agreement waits too long for legal review.</source>
      <translation>هیچ موافقت‌نامه‌ای بیش از اندازه در انتظار بررسی حقوقی نیست.</translation>
    </message>
    <message>
      <source>Waiting for legal review over %1 days (%2)</source>
      <translation>در انتظار بررسی حقوقی بیش از %1 روز (%2)</translation>
    </message>
    <message>
      <source>since %1 (%2 days)</source>
      <translation>از %1 (%2 روز)</translation>
    </message>
  </context>
  <context>
    <name>TaskDialog</name>
    <message>
      <source>%1 of %2</source>
      <translation>%1 از %2</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>لغو</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>در حال لغو…</translation>
    </message>
    <message>
      <source>Please wait</source>
      <translation>لطفاً صبر کنید</translation>
    </message>
  </context>
  <context>
    <name>TodayVisitsCard</name>
    <message>
      <source>No visit today.</source>
      <translation>امروز دیداری نیست.</translation>
    </message>
    <message>
      <source>Today's visits (%1)</source>
      <translation>دیدارهای امروز (%1)</translation>
    </message>
  </context>
  <context>
    <name>TransitionDialog</name>
    <message>
      <source>By</source>
      <translation>اقدام‌کننده</translation>
    </message>
    <message>
      <source>Change status</source>
      <translation>تغییر وضعیت</translation>
    </message>
    <message>
      <source>Move the agreement from «%1» to «%2»?</source>
      <translation>وضعیت موافقت‌نامه از «%1» به «%2» تغییر کند؟</translation>
    </message>
    <message>
      <source>Optional</source>
      <translation>اختیاری</translation>
    </message>
    <message>
      <source>Remark</source>
      <translation>توضیح</translation>
    </message>
    <message>
      <source>Required: the reason</source>
      <translation>لازم: دلیل</translation>
    </message>
  </context>
  <context>
    <name>UpcomingEventsCard</name>
    <message>
      <source>No event in the next two months.</source>
      <translation>در دو ماه آینده رویدادی نیست.</translation>
    </message>
    <message>
      <source>Upcoming events (%1)</source>
      <translation>رویدادهای پیش رو (%1)</translation>
    </message>
    <message>
      <source>invited %1: attending %2, declined %3, no reply %4</source>
      <translation>دعوت‌شده %1: اعلام حضور %2، عدم حضور %3، بی‌پاسخ %4</translation>
    </message>
  </context>
  <context>
    <name>VisitForm</name>
    <message>
      <source>A person of the visit, or type a name</source>
      <translation>یکی از افراد دیدار، یا نامی بنویسید</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>برنامه</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>پیوست‌ها</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>مهلت</translation>
    </message>
    <message>
      <source>Delegation name</source>
      <translation>نام هیئت</translation>
    </message>
    <message>
      <source>Delete (archive)</source>
      <translation>بایگانی</translation>
    </message>
    <message>
      <source>Delete visit</source>
      <translation>بایگانی دیدار</translation>
    </message>
    <message>
      <source>Description, e.g. invitation letter, programme</source>
      <translation>شرح، مثلاً دعوت‌نامه، برنامه</translation>
    </message>
    <message>
      <source>End</source>
      <translation>پایان</translation>
    </message>
    <message>
      <source>Follow-up tasks</source>
      <translation>اقدامات پیگیری</translation>
    </message>
    <message>
      <source>General</source>
      <translation>مشخصات</translation>
    </message>
    <message>
      <source>Gift</source>
      <translation>هدیه</translation>
    </message>
    <message>
      <source>Gifts</source>
      <translation>هدایا</translation>
    </message>
    <message>
      <source>Given / received</source>
      <translation>اهدایی / دریافتی</translation>
    </message>
    <message>
      <source>Guests</source>
      <translation>مهمانان</translation>
    </message>
    <message>
      <source>Host officials</source>
      <translation>مقامات میزبان</translation>
    </message>
    <message>
      <source>Interpreter</source>
      <translation>مترجم</translation>
    </message>
    <message>
      <source>Itinerary</source>
      <translation>برنامهٔ سفر</translation>
    </message>
    <message>
      <source>Move this visit to the archive? It can be restored later from the archive view.</source>
      <translation>این دیدار به بایگانی منتقل شود؟ بعداً می‌توانید آن را از نمای بایگانی بازیابی کنید.</translation>
    </message>
    <message>
      <source>New visit</source>
      <translation>دیدار جدید</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Only when the guests come as a named delegation</source>
      <translation>فقط وقتی مهمانان در قالب هیئتی با نام مشخص حضور می‌یابند</translation>
    </message>
    <message>
      <source>Outcome and follow-ups</source>
      <translation>نتیجه و پیگیری‌ها</translation>
    </message>
    <message>
      <source>Outcome of the visit</source>
      <translation>نتیجهٔ دیدار</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>مسئول</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>شخص</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>مکان</translation>
    </message>
    <message>
      <source>Protocol checklist</source>
      <translation>چک‌لیست تشریفات</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>هدف</translation>
    </message>
    <message>
      <source>Reference number</source>
      <translation>شمارهٔ ثبت</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
    <message>
      <source>Repeated gift</source>
      <translation>هدیهٔ تکراری</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>مسئول</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Save anyway?</source>
      <translation>با این حال ذخیره شود؟</translation>
    </message>
    <message>
      <source>Save the visit first; then files can be attached.</source>
      <translation>ابتدا دیدار را ذخیره کنید؛ سپس می‌توان پرونده‌ها را پیوست کرد.</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>آغاز</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>اقدام</translation>
    </message>
    <message>
      <source>The invitation and other letters, the programme, photos. Files are copied into the office's data folder (at most %1 MB each).</source>
      <translation>دعوت‌نامه و نامه‌های دیگر، برنامه، عکس‌ها. پرونده‌ها در پوشهٔ داده‌های اداره نگهداری می‌شوند (هر پرونده حداکثر %1 مگابایت).</translation>
    </message>
    <message>
      <source>The office's reference or letter number</source>
      <translation>شمارهٔ ثبت یا شمارهٔ نامهٔ اداره</translation>
    </message>
    <message>
      <source>The visit has unsaved changes. Close the form and discard them?</source>
      <translation>تغییرات این دیدار ذخیره نشده است. فرم بسته شود و تغییرات کنار گذاشته شود؟</translation>
    </message>
    <message>
      <source>This visit is archived. Restore it from the archive view to edit it.</source>
      <translation>این دیدار بایگانی شده است. برای ویرایش، آن را از نمای بایگانی بازیابی کنید.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
    <message>
      <source>Transport</source>
      <translation>وسیلهٔ نقلیه</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>محل</translation>
    </message>
    <message>
      <source>Visit: %1</source>
      <translation>دیدار: %1</translation>
    </message>
    <message>
      <source>e.g. %1</source>
      <translation>مثلاً %1</translation>
    </message>
    <message>
      <source>e.g. Governorate, meeting hall</source>
      <translation>مثلاً استانداری، سالن جلسات</translation>
    </message>
    <message>
      <source>e.g. Visit of the ambassador of Japan</source>
      <translation>مثلاً دیدار سفیر ژاپن</translation>
    </message>
    <message>
      <source>English title</source>
      <translation>عنوان انگلیسی</translation>
    </message>
    <message>
      <source>For the English itinerary and documents</source>
      <translation>برای برنامهٔ سفر و اسناد انگلیسی</translation>
    </message>
    <message>
      <source>From %1 the visit can move to: %2.</source>
      <translation>از %1 دیدار می‌تواند به این وضعیت‌ها برود: %2.</translation>
    </message>
    <message>
      <source>Held: %1</source>
      <translation>برگزارشده: %1</translation>
    </message>
    <message>
      <source>History:</source>
      <translation>سابقه:</translation>
    </message>
    <message>
      <source>Undo “held”</source>
      <translation>لغو «برگزارشده»</translation>
    </message>
    <message>
      <source>Why is this visit no longer held? The reason is kept in its history.</source>
      <translation>چرا این دیدار دیگر «برگزارشده» نیست؟ دلیل در سابقهٔ دیدار می‌ماند.</translation>
    </message>
    <message>
      <source>Not saved: taking back “held” needs a reason, kept in its history.</source>
      <translation>ذخیره نشد: برای لغو «برگزارشده» دلیلی بنویسید؛ دلیل در سابقهٔ دیدار می‌ماند.</translation>
    </message>
    <message>
      <source>Confidential</source>
      <translation>محرمانه</translation>
    </message>
  </context>
  <context>
    <name>VisitTableModel</name>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>End</source>
      <translation>پایان</translation>
    </message>
    <message>
      <source>Guests</source>
      <translation>مهمانان</translation>
    </message>
    <message>
      <source>Host officials</source>
      <translation>مقامات میزبان</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>آغاز</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>محل</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>جمعه</translation>
    </message>
    <message>
      <source>holiday</source>
      <translation>تعطیل</translation>
    </message>
  </context>
  <context>
    <name>VisitsPage</name>
    <message>
      <source>%1 visits</source>
      <translation>%1 دیدار</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>بایگانی</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>List</source>
      <translation>فهرست</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>تقویم</translation>
    </message>
    <message>
      <source>New visit</source>
      <translation>دیدار جدید</translation>
    </message>
    <message>
      <source>Restore selected visit</source>
      <translation>بازیابی دیدار انتخاب‌شده</translation>
    </message>
    <message>
      <source>Select a visit in the archive first.</source>
      <translation>ابتدا دیداری را در بایگانی انتخاب کنید.</translation>
    </message>
    <message>
      <source>Visit moved to the archive.</source>
      <translation>دیدار به بایگانی منتقل شد.</translation>
    </message>
    <message>
      <source>Visit restored.</source>
      <translation>دیدار بازیابی شد.</translation>
    </message>
    <message>
      <source>Visit saved.</source>
      <translation>دیدار ذخیره شد.</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>دیدارها</translation>
    </message>
    <message>
      <source>Holidays…</source>
      <translation>تعطیلات…</translation>
    </message>
    <message>
      <source>Confirm or correct this year's lunar holidays</source>
      <translation>تأیید یا اصلاح تعطیلات قمری امسال</translation>
    </message>
    <message>
      <source>No visit to show. Clear the filters to see every visit, or press “New visit” to record one.</source>
      <translation>دیداری برای نمایش نیست. برای دیدن همهٔ دیدارها فیلترها را پاک کنید، یا با دکمهٔ «دیدار جدید» دیداری ثبت کنید.</translation>
    </message>
    <message>
      <source>The archive is empty. A visit you archive from its form appears here and can be restored.</source>
      <translation>بایگانی خالی است. دیداری که از فرم آن بایگانی کنید در این‌جا نمایش داده می‌شود و قابل بازیابی است.</translation>
    </message>
  </context>
  <context>
    <name>WeekVisitsCard</name>
    <message>
      <source>No visit this week.</source>
      <translation>این هفته دیداری نیست.</translation>
    </message>
    <message>
      <source>This week's visits (%1)</source>
      <translation>دیدارهای این هفته (%1)</translation>
    </message>
  </context>
  <context>
    <name>_Form</name>
    <message>
      <source>Possibly already in the directory:</source>
      <translation>شاید از پیش در فهرست مخاطبان باشد:</translation>
    </message>
  </context>
  <context>
    <name>_TaskDialog</name>
    <message>
      <source>Cancel</source>
      <translation>لغو</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>در حال لغو…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>بستن</translation>
    </message>
  </context>
  <context>
    <name>LetterDialog</name>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Addressee</source>
      <translation>گیرنده</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <source>Belongs to</source>
      <translation>مربوط به</translation>
    </message>
    <message>
      <source>Record number</source>
      <translation>شمارهٔ پرونده</translation>
    </message>
    <message>
      <source>Enclosures</source>
      <translation>پیوست</translation>
    </message>
    <message>
      <source>None</source>
      <translation>ندارد</translation>
    </message>
    <message>
      <source>Text (a paragraph a line)</source>
      <translation>متن (هر بند در یک سطر)</translation>
    </message>
    <message>
      <source>Copies to (one a line)</source>
      <translation>رونوشت (هر گیرنده در یک سطر)</translation>
    </message>
    <message>
      <source>New letter</source>
      <translation>نامهٔ جدید</translation>
    </message>
    <message>
      <source>Letter %1</source>
      <translation>نامهٔ %1</translation>
    </message>
  </context>
  <context>
    <name>LetterTableModel</name>
    <message>
      <source>Number</source>
      <translation>شماره</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Addressee</source>
      <translation>گیرنده</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <source>Linked record</source>
      <translation>پرونده</translation>
    </message>
    <message>
      <source>Printed copies</source>
      <translation>نسخهٔ چاپی</translation>
    </message>
  </context>
  <context>
    <name>OfficeSettingsDialog</name>
    <message>
      <source>Number pattern</source>
      <translation>الگوی شمارهٔ نامه</translation>
    </message>
    <message>
      <source>Letterhead lines</source>
      <translation>سطرهای سربرگ</translation>
    </message>
    <message>
      <source>Letterhead lines in English</source>
      <translation>سطرهای سربرگ به انگلیسی</translation>
    </message>
    <message>
      <source>Signatory</source>
      <translation>امضاکننده</translation>
    </message>
    <message>
      <source>Signatory's title</source>
      <translation>سمت امضاکننده</translation>
    </message>
    <message>
      <source>R.S.V.P. telephone</source>
      <translation>تلفن پاسخ دعوت</translation>
    </message>
    <message>
      <source>Letter settings</source>
      <translation>تنظیمات نامه‌ها</translation>
    </message>
    <message>
      <source>{year}: the Jalali year, {seq}: the letter's number in that year, {yy}: the year's last two digits.</source>
      <translation>⁦{year}⁩ سال هجری شمسی، ⁦{seq}⁩ شمارهٔ ردیف نامه در آن سال، ⁦{yy}⁩ دو رقم آخر سال.</translation>
    </message>
    <message>
      <source>Emblem</source>
      <translation>نشان</translation>
    </message>
    <message>
      <source>Choose an image…</source>
      <translation>انتخاب تصویر…</translation>
    </message>
    <message>
      <source>Neutral emblem</source>
      <translation>نشان ساده</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg)</source>
      <translation>تصویرها (*.png *.jpg *.jpeg)</translation>
    </message>
  </context>
  <context>
    <name>LetterFilterBar</name>
    <message>
      <source>Search number, addressee, subject… (Ctrl+K)</source>
      <translation>جستجوی شماره، گیرنده، موضوع… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Every year</source>
      <translation>همهٔ سال‌ها</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>همهٔ انواع</translation>
    </message>
  </context>
  <context>
    <name>LettersPage</name>
    <message>
      <source>Outgoing letters</source>
      <translation>نامه‌های صادره</translation>
    </message>
    <message>
      <source>New letter</source>
      <translation>نامهٔ جدید</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>دفتر ثبت</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>Print as PDF or as a Word file to edit</source>
      <translation>چاپ به صورت PDF یا پروندهٔ Word برای ویرایش</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>چاپ</translation>
    </message>
    <message>
      <source>Open printed copy</source>
      <translation>نسخهٔ چاپ‌شده</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>Every letter of the register as filtered and sorted, as .xlsx or .csv</source>
      <translation>همهٔ نامه‌های اندیکاتور با همین فیلتر و ترتیب، به صورت ‎.xlsx یا ‎.csv</translation>
    </message>
    <message>
      <source>Letter settings…</source>
      <translation>تنظیمات نامه‌ها…</translation>
    </message>
    <message>
      <source>%1 letters</source>
      <translation>%1 نامه</translation>
    </message>
    <message>
      <source>Select a letter first.</source>
      <translation>نخست نامه‌ای را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Letter %1 saved</source>
      <translation>نامهٔ %1 ذخیره شد</translation>
    </message>
    <message>
      <source>This letter has not been printed yet.</source>
      <translation>این نامه هنوز چاپ نشده است.</translation>
    </message>
    <message>
      <source>No letter to show. Clear the filters to see the whole register, or press “New letter” to register one.</source>
      <translation>نامه‌ای برای نمایش نیست. برای دیدن همهٔ دفتر ثبت فیلترها را پاک کنید، یا با «نامهٔ جدید» نامه‌ای ثبت کنید.</translation>
    </message>
  </context>
  <context>
    <name>CalendarPage</name>
    <message>
      <source>Visits</source>
      <translation>دیدارها</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>رویدادها</translation>
    </message>
    <message>
      <source>Agreement signings</source>
      <translation>امضای موافقت‌نامه‌ها</translation>
    </message>
    <message>
      <source>Agreement expiries</source>
      <translation>پایان اعتبار موافقت‌نامه‌ها</translation>
    </message>
    <message>
      <source>Obligation deadlines</source>
      <translation>سررسید تعهدها</translation>
    </message>
    <message>
      <source>Follow-up deadlines</source>
      <translation>سررسید پیگیری‌ها</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>جلسات</translation>
    </message>
    <message>
      <source>Resolution deadlines</source>
      <translation>سررسید مصوبات</translation>
    </message>
    <message>
      <source>Official holidays</source>
      <translation>تعطیلات رسمی</translation>
    </message>
    <message>
      <source>Export to calendar (.ics)</source>
      <translation>خروجی تقویم (iCalendar)</translation>
    </message>
    <message>
      <source>iCalendar file (*.ics)</source>
      <translation>پروندهٔ تقویم iCalendar (*.ics)</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>در «%1» ذخیره شد.</translation>
    </message>
    <message>
      <source>+%1 more</source>
      <translation>%1 مورد دیگر</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>تقویم</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>هفته</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>روز</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>قبلی</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>بعدی</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>امروز</translation>
    </message>
    <message>
      <source>Go to:</source>
      <translation>برو به:</translation>
    </message>
    <message>
      <source>Export to calendar (.ics)…</source>
      <translation>خروجی تقویم…</translation>
    </message>
    <message>
      <source>Save what this view shows as an iCalendar file for phones and Outlook</source>
      <translation>ذخیرهٔ آنچه این نما نشان می‌دهد به‌صورت پروندهٔ iCalendar برای تلفن همراه و Outlook</translation>
    </message>
    <message>
      <source>⚠ clash with another visit</source>
      <translation>⚠ تداخل با دیدار دیگر</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>سررسید گذشته</translation>
    </message>
    <message>
      <source>Moved to %1.</source>
      <translation>به %1 منتقل شد.</translation>
    </message>
    <message>
      <source>%1 items saved to %2</source>
      <translation>%1 مورد در «%2» ذخیره شد.</translation>
    </message>
    <message>
      <source>Trade delegations</source>
      <translation>هیئت‌های تجاری</translation>
    </message>
  </context>
  <context>
    <name>ReminderList</name>
    <message>
      <source>Reminders</source>
      <translation>یادآوری‌ها</translation>
    </message>
    <message>
      <source>Today: %1 items. Overdue follow-ups: %2.</source>
      <translation>امروز: %1 مورد. پیگیری‌های عقب‌افتاده: %2.</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>بستن</translation>
    </message>
    <message>
      <source>(due %1)</source>
      <translation>(سررسید %1)</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>امروز</translation>
    </message>
    <message>
      <source>Overdue follow-ups</source>
      <translation>پیگیری‌های عقب‌افتاده</translation>
    </message>
  </context>
  <context>
    <name>PdfNotOpened</name>
    <message>
      <source>The PDF could not be opened</source>
      <translation>پروندهٔ PDF باز نشد</translation>
    </message>
    <message>
      <source>The PDF was written, but this computer has no program to open it:
%1</source>
      <translation>پروندهٔ PDF نوشته شد، اما این رایانه برنامه‌ای برای باز کردن آن ندارد:
%1</translation>
    </message>
    <message>
      <source>Open its folder, or save a copy elsewhere (e.g. on a USB stick).</source>
      <translation>پوشهٔ آن را باز کنید یا نسخه‌ای از آن را جای دیگری (مثلاً روی حافظهٔ USB) ذخیره کنید.</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>باز کردن پوشه</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>ذخیره با نام…</translation>
    </message>
    <message>
      <source>The folder could not be opened either; its path is above.</source>
      <translation>پوشه هم باز نشد؛ نشانی آن در بالا آمده است.</translation>
    </message>
    <message>
      <source>Save the PDF as</source>
      <translation>ذخیرهٔ PDF با نام</translation>
    </message>
    <message>
      <source>A copy was saved: %1</source>
      <translation>نسخه‌ای ذخیره شد: %1</translation>
    </message>
  </context>
  <context>
    <name>WeekFollowUpsCard</name>
    <message>
      <source>This week's follow-ups (%1)</source>
      <translation>پیگیری‌های این هفته (%1)</translation>
    </message>
    <message>
      <source>No follow-up is due this week.</source>
      <translation>این هفته مهلت هیچ پیگیری‌ای نیست.</translation>
    </message>
  </context>
  <context>
    <name>FollowUpTableModel</name>
    <message>
      <source>Deadline</source>
      <translation>مهلت</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>اقدام پیگیری</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>مسئول</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>منبع</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
  </context>
  <context>
    <name>FollowUpFilterBar</name>
    <message>
      <source>Search follow-ups… (Ctrl+F)</source>
      <translation>جستجوی پیگیری‌ها… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>مسئول</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>Everyone's</source>
      <translation>همه</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>پیگیری‌های من</translation>
    </message>
    <message>
      <source>All sources</source>
      <translation>همهٔ منبع‌ها</translation>
    </message>
  </context>
  <context>
    <name>FollowUpsPage</name>
    <message>
      <source>Follow-ups</source>
      <translation>پیگیری‌ها</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>List</source>
      <translation>فهرست</translation>
    </message>
    <message>
      <source>%1 follow-ups — set your name in Settings to see yours</source>
      <translation>%1 پیگیری — برای دیدن پیگیری‌های خود، نامتان را در تنظیمات بنویسید</translation>
    </message>
    <message>
      <source>%1 follow-ups</source>
      <translation>%1 پیگیری</translation>
    </message>
    <message>
      <source>This follow-up belongs to no record.</source>
      <translation>این پیگیری به هیچ پرونده‌ای وابسته نیست.</translation>
    </message>
    <message>
      <source>No follow-up to show. Clear the filters to see every follow-up; follow-ups are added on the form of a visit or an agreement.</source>
      <translation>پیگیری‌ای برای نمایش نیست. برای دیدن همهٔ پیگیری‌ها فیلترها را پاک کنید؛ پیگیری‌ها در فرم دیدار یا موافقت‌نامه افزوده می‌شوند.</translation>
    </message>
  </context>
  <context>
    <name>AttachmentsTab</name>
    <message>
      <source>File</source>
      <translation>پرونده</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>حجم</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>شرح</translation>
    </message>
    <message>
      <source>Add file…</source>
      <translation>افزودن پرونده…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>Attach a file</source>
      <translation>پیوست کردن پرونده</translation>
    </message>
    <message>
      <source>The file could not be opened: %1</source>
      <translation>پرونده باز نشد: %1</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Remove the file</source>
      <translation>حذف پرونده</translation>
    </message>
    <message>
      <source>Remove the file “%1”?</source>
      <translation>پروندهٔ «%1» حذف شود؟</translation>
    </message>
  </context>
  <context>
    <name>MarketCardDialog</name>
    <message>
      <source>Country report</source>
      <translation>گزارش کشور</translation>
    </message>
    <message>
      <source>The country briefing (PDF): embassy and people, needs, suppliers, visits, agreements, open resolutions, delegations, with a map</source>
      <translation>گزارش توجیهی کشور (PDF): سفارت و افراد، نیازها، شرکت‌های تأمین‌کننده، دیدارها، موافقت‌نامه‌ها، مصوبه‌های باز و هیئت‌ها، با نقشه</translation>
    </message>
    <message>
      <source>USD</source>
      <translation>دلار</translation>
    </message>
    <message>
      <source>Market card: %1</source>
      <translation>کارت بازار: %1</translation>
    </message>
    <message>
      <source>Target markets</source>
      <translation>بازارهای هدف</translation>
    </message>
    <message>
      <source>No target market recorded for this country.</source>
      <translation>برای این کشور بازار هدفی ثبت نشده است.</translation>
    </message>
    <message>
      <source>Needs and demand</source>
      <translation>نیازها و تقاضا</translation>
    </message>
    <message>
      <source>Barriers</source>
      <translation>موانع</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>منابع</translation>
    </message>
    <message>
      <source>Information date</source>
      <translation>تاریخ اطلاعات</translation>
    </message>
    <message>
      <source>Influential people</source>
      <translation>افراد مؤثر</translation>
    </message>
    <message>
      <source>Companies able to supply</source>
      <translation>شرکت‌های تأمین‌کننده</translation>
    </message>
    <message>
      <source>Exports recorded in %1</source>
      <translation>صادرات ثبت‌شده در %1</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>دیدارها</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>موافقت‌نامه‌ها</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation>پیگیری‌ها</translation>
    </message>
    <message>
      <source>Resolutions</source>
      <translation>مصوبات</translation>
    </message>
  </context>
  <context>
    <name>WorldMap</name>
    <message>
      <source>Target markets: %1 (best priority %2)</source>
      <translation>بازار هدف: %1 (بالاترین اولویت: %2)</translation>
    </message>
    <message>
      <source>Exports: %1 USD</source>
      <translation>صادرات: %1 دلار</translation>
    </message>
  </context>
  <context>
    <name>MarketTableModel</name>
    <message>
      <source>Priority</source>
      <translation>اولویت</translation>
    </message>
    <message>
      <source>Country / region</source>
      <translation>کشور / منطقه</translation>
    </message>
    <message>
      <source>Product or sector</source>
      <translation>محصول یا بخش</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Information date</source>
      <translation>تاریخ اطلاعات</translation>
    </message>
    <message>
      <source>Needs and demand</source>
      <translation>نیازها و تقاضا</translation>
    </message>
  </context>
  <context>
    <name>TopExportersModel</name>
    <message>
      <source>Rank</source>
      <translation>رتبه</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>شرکت</translation>
    </message>
    <message>
      <source>Exports (USD)</source>
      <translation>صادرات (دلار)</translation>
    </message>
    <message>
      <source>Destinations</source>
      <translation>مقصدها</translation>
    </message>
    <message>
      <source>Year before (USD)</source>
      <translation>سال قبل (دلار)</translation>
    </message>
    <message>
      <source>%1 (tie)</source>
      <translation>%1 (هم‌رتبه)</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>ثبت نشده</translation>
    </message>
  </context>
  <context>
    <name>MarketFilterBar</name>
    <message>
      <source>Search markets… (Ctrl+F)</source>
      <translation>جستجوی بازارها… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>All priorities</source>
      <translation>همهٔ اولویت‌ها</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
      <source>All regions</source>
      <translation>همهٔ مناطق</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>بخش</translation>
    </message>
    <message>
      <source>All products and sectors</source>
      <translation>همهٔ محصولات و بخش‌ها</translation>
    </message>
  </context>
  <context>
    <name>MapLegend</name>
    <message>
      <source>Iran</source>
      <translation>ایران</translation>
    </message>
  </context>
  <context>
    <name>MarketsPage</name>
    <message>
      <source>Print atlas…</source>
      <translation>چاپ اطلس…</translation>
    </message>
    <message>
      <source>The world map by market priority and by exports, and the countries' table (PDF)</source>
      <translation>نقشهٔ جهان بر پایهٔ اولویت بازار و صادرات، و جدول کشورها (PDF)</translation>
    </message>
    <message>
      <source>Whole world</source>
      <translation>همهٔ جهان</translation>
    </message>
    <message>
      <source>Iran's neighbourhood</source>
      <translation>کشورهای پیرامون ایران</translation>
    </message>
    <message>
      <source>Companies</source>
      <translation>شرکت‌ها</translation>
    </message>
    <message>
      <source>Search companies and products…</source>
      <translation>جستجوی شرکت‌ها و محصولات…</translation>
    </message>
    <message>
      <source>New company</source>
      <translation>شرکت جدید</translation>
    </message>
    <message>
      <source>%1 companies</source>
      <translation>%1 شرکت</translation>
    </message>
    <message>
      <source>New target market</source>
      <translation>بازار هدف جدید</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>%1M</source>
      <translation>%1 میلیون</translation>
    </message>
    <message>
      <source>%1k</source>
      <translation>%1 هزار</translation>
    </message>
    <message>
      <source>Target markets</source>
      <translation>بازارهای هدف</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>نقشه</translation>
    </message>
    <message>
      <source>Market list</source>
      <translation>فهرست بازارها</translation>
    </message>
    <message>
      <source>Top exporters</source>
      <translation>صادرکنندگان برتر</translation>
    </message>
    <message>
      <source>Colour by market priority</source>
      <translation>رنگ بر پایهٔ اولویت بازار</translation>
    </message>
    <message>
      <source>Colour by exports</source>
      <translation>رنگ بر پایهٔ صادرات</translation>
    </message>
    <message>
      <source>All sectors</source>
      <translation>همهٔ بخش‌ها</translation>
    </message>
    <message>
      <source>Hover a country to see its name; click it to open its market card.</source>
      <translation>نشانگر را روی کشور ببرید تا نامش را ببینید؛ برای باز کردن کارت بازار آن کلیک کنید.</translation>
    </message>
    <message>
      <source>%1 target markets</source>
      <translation>%1 بازار هدف</translation>
    </message>
    <message>
      <source>No target market to show. Clear the filters to see every market.</source>
      <translation>بازار هدفی برای نمایش نیست. برای دیدن همهٔ بازارها فیلترها را پاک کنید.</translation>
    </message>
    <message>
      <source>%1 USD or more</source>
      <translation>%1 دلار و بیشتر</translation>
    </message>
    <message>
      <source>%1–%2 USD</source>
      <translation>%1 تا %2 دلار</translation>
    </message>
    <message>
      <source>Nothing recorded for %1.</source>
      <translation>برای %1 چیزی ثبت نشده است.</translation>
    </message>
    <message>
      <source>Ranked by recorded exports; equal values share a rank. %1 companies reported last year but have no record for this year.</source>
      <translation>رتبه‌بندی بر پایهٔ صادرات ثبت‌شده است؛ ارقام برابر رتبهٔ یکسان دارند. %1 شرکت سال قبل صادرات ثبت کرده‌اند ولی برای این سال رکوردی ندارند.</translation>
    </message>
  </context>
  <context>
    <name>CompanyPicker</name>
    <message>
      <source>Type part of a company name</source>
      <translation>بخشی از نام شرکت را بنویسید</translation>
    </message>
  </context>
  <context>
    <name>MarketDialog</name>
    <message>
      <source>Rename or archive regions…</source>
      <translation>ویرایش یا بایگانی مناطق…</translation>
    </message>
    <message>
      <source>Choose the country first.</source>
      <translation>نخست کشور را انتخاب کنید.</translation>
    </message>
    <message>
      <source>New region</source>
      <translation>منطقهٔ جدید</translation>
    </message>
    <message>
      <source>Name of the region (Persian):</source>
      <translation>نام منطقه (فارسی):</translation>
    </message>
    <message>
      <source>New region in this country…</source>
      <translation>منطقهٔ جدید در این کشور…</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>منطقه</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>محصول</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>بخش</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>اولویت</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Needs and demand</source>
      <translation>نیازها و تقاضا</translation>
    </message>
    <message>
      <source>Barriers</source>
      <translation>موانع</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>منابع</translation>
    </message>
    <message>
      <source>Information date</source>
      <translation>تاریخ اطلاعات</translation>
    </message>
    <message>
      <source>Influential people</source>
      <translation>افراد مؤثر</translation>
    </message>
    <message>
      <source>Companies able to supply</source>
      <translation>شرکت‌های تأمین‌کننده</translation>
    </message>
    <message>
      <source>Target market</source>
      <translation>بازار هدف</translation>
    </message>
    <message>
      <source>New target market</source>
      <translation>بازار هدف جدید</translation>
    </message>
    <message>
      <source>The whole country</source>
      <translation>کل کشور</translation>
    </message>
  </context>
  <context>
    <name>ProductRows</name>
    <message>
      <source>Product (Persian)</source>
      <translation>محصول (فارسی)</translation>
    </message>
    <message>
      <source>Product (English)</source>
      <translation>محصول (انگلیسی)</translation>
    </message>
    <message>
      <source>HS code</source>
      <translation>کد تعرفه (HS)</translation>
    </message>
    <message>
      <source>Annual capacity</source>
      <translation>ظرفیت سالانه</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>واحد</translation>
    </message>
  </context>
  <context>
    <name>ExportRows</name>
    <message>
      <source>Year</source>
      <translation>سال</translation>
    </message>
    <message>
      <source>Destination country</source>
      <translation>کشور مقصد</translation>
    </message>
    <message>
      <source>Value (USD)</source>
      <translation>ارزش (دلار)</translation>
    </message>
    <message>
      <source>Row %1: the year and the value must be numbers.</source>
      <translation>ردیف %1: سال و ارزش باید عدد باشند.</translation>
    </message>
    <message>
      <source>Row %1: no country called «%2».</source>
      <translation>ردیف %1: کشوری با نام «%2» پیدا نشد.</translation>
    </message>
  </context>
  <context>
    <name>CompanyDialog</name>
    <message>
      <source>Name (Persian)</source>
      <translation>نام (فارسی)</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>نام (انگلیسی)</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>بخش</translation>
    </message>
    <message>
      <source>County</source>
      <translation>شهرستان</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>تلفن</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>رایانامه</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>وب‌گاه</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>مخاطبان</translation>
    </message>
    <message>
      <source>Company: %1</source>
      <translation>شرکت: %1</translation>
    </message>
    <message>
      <source>New company</source>
      <translation>شرکت جدید</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>شرکت</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>محصولات</translation>
    </message>
    <message>
      <source>Exports</source>
      <translation>صادرات</translation>
    </message>
    <message>
      <source>Row %1: %2</source>
      <translation>ردیف %1: %2</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
  </context>
  <context>
    <name>CompanyTableModel</name>
    <message>
      <source>Company</source>
      <translation>شرکت</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>بخش</translation>
    </message>
    <message>
      <source>County</source>
      <translation>شهرستان</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>محصولات</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>مخاطبان</translation>
    </message>
  </context>
  <context>
    <name>BodySummaryModel</name>
    <message>
      <source>Responsible body</source>
      <translation>دستگاه مسئول</translation>
    </message>
    <message>
      <source>Open resolutions</source>
      <translation>مصوبات باز</translation>
    </message>
    <message>
      <source>Past deadline</source>
      <translation>گذشته از مهلت</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>انجام‌شده</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>لغوشده</translation>
    </message>
    <message>
      <source>Oldest overdue deadline</source>
      <translation>قدیمی‌ترین مهلت گذشته</translation>
    </message>
    <message>
      <source>(no responsible body named)</source>
      <translation>(بدون دستگاه مسئول)</translation>
    </message>
  </context>
  <context>
    <name>BodiesView</name>
    <message>
      <source>What each body owes: double-click a body to see its open resolutions.</source>
      <translation>تعهدات هر دستگاه: برای دیدن مصوبات باز یک دستگاه، روی آن دوبار کلیک کنید.</translation>
    </message>
    <message>
      <source>Show its resolutions</source>
      <translation>نمایش مصوبات آن</translation>
    </message>
    <message>
      <source>No resolution names a responsible body yet.</source>
      <translation>هنوز برای هیچ مصوبه‌ای دستگاه مسئول تعیین نشده است.</translation>
    </message>
    <message>
      <source>%1 bodies</source>
      <translation>%1 دستگاه</translation>
    </message>
  </context>
  <context>
    <name>NextMeetingsCard</name>
    <message>
      <source>Next meetings</source>
      <translation>جلسات پیش رو</translation>
    </message>
    <message>
      <source>No meeting is planned.</source>
      <translation>جلسه‌ای در پیش نیست.</translation>
    </message>
    <message>
      <source>holiday: %1</source>
      <translation>تعطیل: %1</translation>
    </message>
  </context>
  <context>
    <name>OverdueByBodyCard</name>
    <message>
      <source>Overdue resolutions by body (%1)</source>
      <translation>مصوبات گذشته از مهلت به تفکیک دستگاه (%1)</translation>
    </message>
    <message>
      <source>No resolution is overdue.</source>
      <translation>هیچ مصوبه‌ای از مهلت نگذشته است.</translation>
    </message>
    <message>
      <source>(no body named)</source>
      <translation>(بدون دستگاه مسئول)</translation>
    </message>
    <message>
      <source>%1 overdue</source>
      <translation>%1 مصوبهٔ گذشته از مهلت</translation>
    </message>
    <message>
      <source>since %1</source>
      <translation>از %1</translation>
    </message>
  </context>
  <context>
    <name>WeekResolutionsCard</name>
    <message>
      <source>Resolutions due this week (%1)</source>
      <translation>مصوبات با مهلت این هفته (%1)</translation>
    </message>
    <message>
      <source>No resolution is due this week.</source>
      <translation>مهلت هیچ مصوبه‌ای در این هفته نیست.</translation>
    </message>
  </context>
  <context>
    <name>MeetingForm</name>
    <message>
      <source>Minutes (PDF)</source>
      <translation>صورتجلسه (PDF)</translation>
    </message>
    <message>
      <source>Minutes (Word, to edit)</source>
      <translation>صورتجلسه (Word، برای ویرایش)</translation>
    </message>
    <message>
      <source>Letters to the bodies (PDF)</source>
      <translation>نامه به دستگاه‌های مسئول (PDF)</translation>
    </message>
    <message>
      <source>Letters to the bodies (Word, to edit)</source>
      <translation>نامه به دستگاه‌های مسئول (Word، برای ویرایش)</translation>
    </message>
    <message>
      <source>The meeting has unsaved changes. Close the form and discard them?</source>
      <translation>تغییرات جلسه ذخیره نشده است. فرم بسته و تغییرات کنار گذاشته شود؟</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>سلسله‌جلسات</translation>
    </message>
    <message>
      <source>Session number</source>
      <translation>شمارهٔ جلسه</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Start time</source>
      <translation>ساعت آغاز</translation>
    </message>
    <message>
      <source>End time</source>
      <translation>ساعت پایان</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>محل</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>رئیس</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>General</source>
      <translation>مشخصات</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>حضور</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>دستور جلسه</translation>
    </message>
    <message>
      <source>Resolutions</source>
      <translation>مصوبات</translation>
    </message>
    <message>
      <source>New meeting</source>
      <translation>جلسهٔ جدید</translation>
    </message>
    <message>
      <source>New version (correction)…</source>
      <translation>نسخهٔ جدید (اصلاحیه)…</translation>
    </message>
    <message>
      <source>Reopen the approved minutes to correct them; the approved version is kept</source>
      <translation>صورتجلسهٔ تأییدشده برای اصلاح باز می‌شود؛ نسخهٔ تأییدشده نگه داشته می‌شود</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>چاپ / PDF</translation>
    </message>
    <message>
      <source>next</source>
      <translation>بعدی</translation>
    </message>
    <message>
      <source>Back to draft only from held.</source>
      <translation>بازگشت به پیش‌نویس فقط از «برگزارشده» ممکن است.</translation>
    </message>
    <message>
      <source>Approved minutes change only through a new version.</source>
      <translation>صورتجلسهٔ تأییدشده فقط با نسخهٔ جدید (اصلاحیه) تغییر می‌کند.</translation>
    </message>
    <message>
      <source>The minutes are approved once the meeting is held.</source>
      <translation>صورتجلسه پس از برگزاری جلسه تأیید می‌شود.</translation>
    </message>
    <message>
      <source>From %1 the meeting can move to: %2.</source>
      <translation>جلسه از وضعیت %1 می‌تواند به این وضعیت‌ها برود: %2.</translation>
    </message>
    <message>
      <source>Approval: %1</source>
      <translation>تأیید: %1</translation>
    </message>
    <message>
      <source>Save the meeting first.</source>
      <translation>ابتدا جلسه را ذخیره کنید.</translation>
    </message>
    <message>
      <source>Minutes approved (version %1): they are locked. To correct them, press “New version”; the approved version is kept.</source>
      <translation>صورتجلسه تأیید شده است (نسخهٔ %1) و قفل است. برای اصلاح آن «نسخهٔ جدید» را بزنید؛ نسخهٔ تأییدشده نگه داشته می‌شود.</translation>
    </message>
    <message>
      <source>Set up a working group or council first.</source>
      <translation>ابتدا یک کارگروه یا شورا تعریف کنید.</translation>
    </message>
    <message>
      <source>Left at “next”, the session takes number %1.</source>
      <translation>اگر «بعدی» بماند، شمارهٔ جلسه %1 می‌شود.</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>جمعه</translation>
    </message>
    <message>
      <source>This day is an official holiday (%1): move the meeting?</source>
      <translation>این روز تعطیل رسمی است (%1): جلسه به روز دیگری منتقل شود؟</translation>
    </message>
    <message>
      <source>Choose the working group or council.</source>
      <translation>کارگروه یا شورا را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Approve the minutes</source>
      <translation>تأیید صورتجلسه</translation>
    </message>
    <message>
      <source>Approve these minutes? They will be locked; a later correction makes a new version.</source>
      <translation>این صورتجلسه تأیید شود؟ پس از تأیید قفل می‌شود و هر اصلاحی نسخهٔ جدیدی می‌سازد.</translation>
    </message>
    <message>
      <source>New version of the minutes</source>
      <translation>نسخهٔ جدید صورتجلسه</translation>
    </message>
    <message>
      <source>Why are the approved minutes corrected? The reason is kept with the approved version.</source>
      <translation>چرا صورتجلسهٔ تأییدشده اصلاح می‌شود؟ دلیل همراه نسخهٔ تأییدشده نگه داشته می‌شود.</translation>
    </message>
    <message>
      <source>Save the meeting first; then it can be printed.</source>
      <translation>ابتدا جلسه را ذخیره کنید؛ سپس چاپ می‌شود.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>دستگاه</translation>
    </message>
    <message>
      <source>Represented by</source>
      <translation>نماینده</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>نقش</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Add an attendee: type part of a name from the directory</source>
      <translation>افزودن حاضر: بخشی از نام را از فهرست مخاطبان بنویسید</translation>
    </message>
    <message>
      <source>Add the standing members</source>
      <translation>افزودن اعضای ثابت</translation>
    </message>
    <message>
      <source>Invited bodies</source>
      <translation>دستگاه‌های دعوت‌شده</translation>
    </message>
    <message>
      <source>Invite a body: type part of its name</source>
      <translation>دعوت از دستگاه: بخشی از نام آن را بنویسید</translation>
    </message>
    <message>
      <source>Agenda item</source>
      <translation>بند دستور جلسه</translation>
    </message>
    <message>
      <source>Presenter</source>
      <translation>ارائه‌دهنده</translation>
    </message>
    <message>
      <source>Discussion notes</source>
      <translation>خلاصهٔ مذاکرات</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>بالاتر</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>پایین‌تر</translation>
    </message>
    <message>
      <source>Select an agenda item above to see its files. A new item takes files once the meeting is saved.</source>
      <translation>یک بند دستور جلسه را در بالا انتخاب کنید تا پرونده‌هایش را ببینید. به بند جدید پس از ذخیرهٔ جلسه می‌توان پرونده افزود.</translation>
    </message>
    <message>
      <source>The item's presentation, report or draft. Files are copied into the office's data folder (at most %1 MB each) and named in the minutes.</source>
      <translation>ارائه، گزارش یا پیش‌نویس این بند. پرونده‌ها در پوشهٔ داده‌های اداره نگهداری می‌شوند (هر پرونده حداکثر %1 مگابایت) و نامشان در صورتجلسه نوشته می‌شود.</translation>
    </message>
    <message>
      <source>Description, e.g. presentation, report</source>
      <translation>شرح، مثلاً ارائه، گزارش</translation>
    </message>
    <message>
      <source>Files of item %1: %2</source>
      <translation>پرونده‌های بند %1: %2</translation>
    </message>
    <message>
      <source>Files of the agenda items</source>
      <translation>پرونده‌های بندهای دستور جلسه</translation>
    </message>
    <message>
      <source>Confidential</source>
      <translation>محرمانه</translation>
    </message>
  </context>
  <context>
    <name>MeetingResolutions</name>
    <message>
      <source>Number</source>
      <translation>شماره</translation>
    </message>
    <message>
      <source>Agenda item</source>
      <translation>بند دستور جلسه</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>مصوبه</translation>
    </message>
    <message>
      <source>Responsible body</source>
      <translation>دستگاه مسئول</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>مهلت</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>New resolution</source>
      <translation>مصوبهٔ جدید</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message numerus="yes">
      <source>%n resolutions</source>
      <translation>
        <numerusform>%n مصوبه</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MeetingTableModel</name>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>ساعت</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>سلسله‌جلسات</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>جلسه</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>محل</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Resolutions</source>
      <translation>مصوبات</translation>
    </message>
  </context>
  <context>
    <name>ResolutionTableModel</name>
    <message>
      <source>Number</source>
      <translation>شماره</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>مصوبه</translation>
    </message>
    <message>
      <source>Responsible body</source>
      <translation>دستگاه مسئول</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>مهلت</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>سلسله‌جلسات</translation>
    </message>
    <message>
      <source>Meeting date</source>
      <translation>تاریخ جلسه</translation>
    </message>
    <message numerus="yes">
      <source>%n days late</source>
      <translation>
        <numerusform>%n روز تأخیر</numerusform>
      </translation>
    </message>
    <message>
      <source>Late</source>
      <translation>تأخیر</translation>
    </message>
  </context>
  <context>
    <name>SeriesTableModel</name>
    <message>
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <source>Meets</source>
      <translation>زمان تشکیل</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>رئیس</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>جلسات</translation>
    </message>
    <message>
      <source>Next session</source>
      <translation>جلسهٔ بعدی</translation>
    </message>
    <message>
      <source>Open resolutions</source>
      <translation>مصوبات باز</translation>
    </message>
  </context>
  <context>
    <name>MeetingFilterBar</name>
    <message>
      <source>Search series, venue, agenda… (Ctrl+K)</source>
      <translation>جستجوی کارگروه، محل، دستور جلسه… (Ctrl+K)</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
  </context>
  <context>
    <name>MeetingsPage</name>
    <message>
      <source>Meetings</source>
      <translation>جلسات</translation>
    </message>
    <message>
      <source>Resolutions</source>
      <translation>مصوبات</translation>
    </message>
    <message>
      <source>By responsible body</source>
      <translation>به تفکیک دستگاه مسئول</translation>
    </message>
    <message>
      <source>Working groups and councils</source>
      <translation>کارگروه‌ها و شوراها</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>Print minutes</source>
      <translation>چاپ صورتجلسه</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>Every meeting of the list as filtered and sorted, as .xlsx or .csv</source>
      <translation>همهٔ جلسات فهرست با همین فیلتر و ترتیب، به صورت ‎.xlsx یا ‎.csv</translation>
    </message>
    <message>
      <source>New series</source>
      <translation>کارگروه یا شورای جدید</translation>
    </message>
    <message>
      <source>New meeting</source>
      <translation>جلسهٔ جدید</translation>
    </message>
    <message>
      <source>No meeting to show. Clear the filters to see every meeting, or press “New meeting” to record one (set up its working group or council first, in the last tab).</source>
      <translation>جلسه‌ای برای نمایش نیست. فیلترها را پاک کنید تا همهٔ جلسات دیده شوند، یا با «جلسهٔ جدید» جلسه‌ای ثبت کنید (ابتدا کارگروه یا شورای آن را در زبانهٔ آخر تعریف کنید).</translation>
    </message>
    <message>
      <source>%1 meetings</source>
      <translation>%1 جلسه</translation>
    </message>
    <message>
      <source>Select a meeting first.</source>
      <translation>ابتدا یک جلسه را انتخاب کنید.</translation>
    </message>
  </context>
  <context>
    <name>SeriesDialog</name>
    <message>
      <source>First</source>
      <translation>اول</translation>
    </message>
    <message>
      <source>Second</source>
      <translation>دوم</translation>
    </message>
    <message>
      <source>Third</source>
      <translation>سوم</translation>
    </message>
    <message>
      <source>Fourth</source>
      <translation>چهارم</translation>
    </message>
    <message>
      <source>Fifth</source>
      <translation>پنجم</translation>
    </message>
    <message>
      <source>Last</source>
      <translation>آخر</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>عضو</translation>
    </message>
    <message>
      <source>Person or body</source>
      <translation>شخص یا دستگاه</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>نقش</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>شخص</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>دستگاه</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
    <message>
      <source>Add a person: type part of a name</source>
      <translation>افزودن شخص: بخشی از نام را بنویسید</translation>
    </message>
    <message>
      <source>Add a body: type part of its name</source>
      <translation>افزودن دستگاه: بخشی از نام آن را بنویسید</translation>
    </message>
    <message>
      <source>The series has unsaved changes. Close the form and discard them?</source>
      <translation>تغییرات کارگروه ذخیره نشده است. فرم بسته و تغییرات کنار گذاشته شود؟</translation>
    </message>
    <message>
      <source>Name (Persian)</source>
      <translation>نام (فارسی)</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>نام (انگلیسی)</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>رئیس</translation>
    </message>
    <message>
      <source>Secretary</source>
      <translation>دبیر</translation>
    </message>
    <message>
      <source>Default venue</source>
      <translation>محل معمول جلسات</translation>
    </message>
    <message>
      <source>Start time</source>
      <translation>ساعت آغاز</translation>
    </message>
    <message>
      <source>End time</source>
      <translation>ساعت پایان</translation>
    </message>
    <message>
      <source>Meets</source>
      <translation>زمان تشکیل</translation>
    </message>
    <message>
      <source>First session recorded here</source>
      <translation>شمارهٔ نخستین جلسهٔ ثبت‌شده در اینجا</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>New meeting series</source>
      <translation>کارگروه یا شورای جدید</translation>
    </message>
    <message>
      <source>Series: %1</source>
      <translation>سلسله‌جلسات: %1</translation>
    </message>
    <message>
      <source>Standing members</source>
      <translation>اعضای ثابت</translation>
    </message>
    <message>
      <source>New meeting of this series</source>
      <translation>جلسهٔ جدید این کارگروه</translation>
    </message>
    <message>
      <source>Next session: number %1</source>
      <translation>جلسهٔ بعدی: شمارهٔ %1</translation>
    </message>
  </context>
  <context>
    <name>SeriesRecurrenceBox</name>
    <message>
      <source>Day of month</source>
      <translation>روز ماه</translation>
    </message>
    <message>
      <source>Every (weeks/months)</source>
      <translation>هر چند (هفته/ماه)</translation>
    </message>
    <message>
      <source>Session %1: %2</source>
      <translation>جلسهٔ %1: %2</translation>
    </message>
    <message>
      <source>holiday: %1 — move it</source>
      <translation>تعطیل: %1 — جابه‌جا شود</translation>
    </message>
    <message>
      <source>Next sessions:</source>
      <translation>جلسات بعدی:</translation>
    </message>
  </context>
  <context>
    <name>ResolutionDialog</name>
    <message>
      <source>Choose the body from the directory list under the field.</source>
      <translation>دستگاه را از فهرست زیر کادر انتخاب کنید.</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Letter number</source>
      <translation>شمارهٔ نامه</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>شرح</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>پیوست</translation>
    </message>
    <message>
      <source>Add to the follow-up log</source>
      <translation>ثبت در سوابق پیگیری</translation>
    </message>
    <message>
      <source>What was sent, answered or reported</source>
      <translation>آنچه ارسال، پاسخ یا گزارش شد</translation>
    </message>
    <message>
      <source>Attach a file…</source>
      <translation>پیوست کردن پرونده…</translation>
    </message>
    <message>
      <source>Add to the log</source>
      <translation>ثبت پیگیری</translation>
    </message>
    <message>
      <source>The resolution has unsaved changes. Close it and discard them?</source>
      <translation>تغییرات مصوبه ذخیره نشده است. بسته و تغییرات کنار گذاشته شود؟</translation>
    </message>
    <message>
      <source>Agenda item</source>
      <translation>بند دستور جلسه</translation>
    </message>
    <message>
      <source>Responsible body</source>
      <translation>دستگاه مسئول</translation>
    </message>
    <message>
      <source>Co-responsible bodies</source>
      <translation>دستگاه‌های همکار</translation>
    </message>
    <message>
      <source>Person in charge</source>
      <translation>مسئول پیگیری</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>مهلت</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Closing note</source>
      <translation>گزارش پایانی</translation>
    </message>
    <message>
      <source>Required to mark the resolution done: what was done</source>
      <translation>برای «انجام‌شده» لازم است: چه کاری انجام شد</translation>
    </message>
    <message>
      <source>— no particular item —</source>
      <translation>— بدون بند مشخص —</translation>
    </message>
    <message>
      <source>New resolution</source>
      <translation>مصوبهٔ جدید</translation>
    </message>
    <message>
      <source>Resolution %1</source>
      <translation>مصوبهٔ %1</translation>
    </message>
    <message>
      <source>Follow-up log</source>
      <translation>سوابق پیگیری</translation>
    </message>
    <message>
      <source>Save the resolution first.</source>
      <translation>ابتدا مصوبه را ذخیره کنید.</translation>
    </message>
    <message>
      <source>Type part of its title</source>
      <translation>بخشی از عنوان را بنویسید</translation>
    </message>
    <message>
      <source>Remove link</source>
      <translation>حذف پیوند</translation>
    </message>
    <message>
      <source>Double-click a link to open the record.</source>
      <translation>برای باز کردن هر مورد، روی پیوند آن دوبار کلیک کنید.</translation>
    </message>
    <message>
      <source>Concerns</source>
      <translation>مربوط به</translation>
    </message>
  </context>
  <context>
    <name>ResolutionFilterBar</name>
    <message>
      <source>Search number, text, body… (Ctrl+K)</source>
      <translation>جستجوی شماره، متن، دستگاه… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Responsible body: type part of its name</source>
      <translation>دستگاه مسئول: بخشی از نام آن را بنویسید</translation>
    </message>
    <message>
      <source>Co-responsible too</source>
      <translation>با دستگاه‌های همکار</translation>
    </message>
    <message>
      <source>Deadline from</source>
      <translation>مهلت از</translation>
    </message>
    <message>
      <source>to</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
  </context>
  <context>
    <name>ResolutionsView</name>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>What this body owes</source>
      <translation>تعهدات این دستگاه</translation>
    </message>
    <message>
      <source>The open resolutions of the selected row's responsible body</source>
      <translation>مصوبات باز دستگاه مسئول ردیف انتخاب‌شده</translation>
    </message>
    <message>
      <source>Print follow-up report</source>
      <translation>چاپ گزارش پیگیری</translation>
    </message>
    <message>
      <source>Who is late: the resolutions as filtered, grouped by body, as PDF</source>
      <translation>چه کسی عقب است: مصوبات با همین فیلترها، به تفکیک دستگاه، به صورت PDF</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>No resolution to show. Clear the filters to see every resolution; resolutions are recorded in a meeting's form, on its Resolutions tab.</source>
      <translation>مصوبه‌ای برای نمایش نیست. فیلترها را پاک کنید تا همهٔ مصوبات دیده شوند؛ مصوبات در فرم جلسه، زبانهٔ «مصوبات»، ثبت می‌شوند.</translation>
    </message>
    <message numerus="yes">
      <source>%n resolutions</source>
      <translation>
        <numerusform>%n مصوبه</numerusform>
      </translation>
    </message>
    <message>
      <source>owed by %1</source>
      <translation>بر عهدهٔ %1</translation>
    </message>
    <message>
      <source>Select a resolution first.</source>
      <translation>ابتدا یک مصوبه را انتخاب کنید.</translation>
    </message>
    <message>
      <source>Select a resolution with a responsible body first.</source>
      <translation>ابتدا مصوبه‌ای را انتخاب کنید که دستگاه مسئول دارد.</translation>
    </message>
  </context>
  <context>
    <name>SeriesListView</name>
    <message>
      <source>No working group or council yet. Press “New series” to set one up, e.g. the export working group that meets every Saturday.</source>
      <translation>هنوز کارگروه یا شورایی تعریف نشده است. با «کارگروه یا شورای جدید» یکی بسازید؛ مثلاً کارگروه صادرات که هر شنبه تشکیل می‌شود.</translation>
    </message>
    <message>
      <source>%1 series</source>
      <translation>%1 کارگروه و شورا</translation>
    </message>
  </context>
  <context>
    <name>AuditTableModel</name>
    <message>
      <source>No.</source>
      <translation>شماره</translation>
    </message>
    <message>
      <source>When (Tehran)</source>
      <translation>زمان (تهران)</translation>
    </message>
    <message>
      <source>User</source>
      <translation>کاربر</translation>
    </message>
    <message>
      <source>Desk</source>
      <translation>رایانه</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>عمل</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>رکورد</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>تغییرات</translation>
    </message>
  </context>
  <context>
    <name>AuditFilterBar</name>
    <message>
      <source>Search values, user, desk… (Ctrl+K)</source>
      <translation>جستجوی مقدار، کاربر، رایانه… (Ctrl+K)</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>All users</source>
      <translation>همهٔ کاربران</translation>
    </message>
    <message>
      <source>All records</source>
      <translation>همهٔ رکوردها</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message>
      <source>Audit trail</source>
      <translation>سابقهٔ تغییرات</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>تغییرات</translation>
    </message>
    <message>
      <source>Verify chain</source>
      <translation>بررسی زنجیره</translation>
    </message>
    <message>
      <source>Check that no entry was changed or removed since it was recorded</source>
      <translation>بررسی کنید که هیچ مدخلی پس از ثبت تغییر نکرده یا حذف نشده باشد</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>چاپ</translation>
    </message>
    <message>
      <source>No change to show. Every saved change is recorded here; clear the filters to see all.</source>
      <translation>تغییری برای نمایش نیست. هر تغییر ذخیره‌شده اینجا ثبت می‌شود؛ برای دیدن همه، فیلترها را پاک کنید.</translation>
    </message>
    <message>
      <source>%1 entries</source>
      <translation>%1 مدخل</translation>
    </message>
    <message>
      <source>The audit trail is intact: %1 entries verified.</source>
      <translation>سابقهٔ تغییرات سالم است: %1 مدخل بررسی شد.</translation>
    </message>
    <message>
      <source>Head of the chain (keep it on paper): entry %1, hash %2…</source>
      <translation>سر زنجیره (آن را روی کاغذ نگه دارید): مدخل %1، چکیده %2…</translation>
    </message>
    <message>
      <source>The audit trail is broken at entry %1: %2</source>
      <translation>زنجیرهٔ سابقهٔ تغییرات در مدخل %1 شکسته است: %2</translation>
    </message>
  </context>
  <context>
    <name>DraftEventsCard</name>
    <message>
      <source>Close at hand and still a draft (%1)</source>
      <translation>رویدادهای نزدیک که هنوز پیش‌نویس‌اند (%1)</translation>
    </message>
    <message>
      <source>No draft event is close at hand.</source>
      <translation>رویداد پیش‌نویسی در روزهای نزدیک نیست.</translation>
    </message>
    <message>
      <source>%1 without reply, %2 days left</source>
      <translation>%1 نفر بی‌پاسخ، %2 روز مانده</translation>
    </message>
  </context>
  <context>
    <name>DelegationDialog</name>
    <message>
      <source>Follow-ups</source>
      <translation>پیگیری‌ها</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>نوع هیئت</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>عنوان (انگلیسی)</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>کشور</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>منطقه</translation>
    </message>
    <message>
      <source>City</source>
      <translation>شهر</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Head (directory)</source>
      <translation>سرپرست (از فهرست مخاطبان)</translation>
    </message>
    <message>
      <source>Head (typed name)</source>
      <translation>سرپرست (نام نوشته‌شده)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Objectives</source>
      <translation>اهداف</translation>
    </message>
    <message>
      <source>Budget notes</source>
      <translation>یادداشت بودجه</translation>
    </message>
    <message>
      <source>Outcome report</source>
      <translation>گزارش نتایج</translation>
    </message>
    <message>
      <source>Trade delegation</source>
      <translation>هیئت تجاری</translation>
    </message>
    <message>
      <source>New trade delegation</source>
      <translation>هیئت تجاری جدید</translation>
    </message>
    <message>
      <source>Delegation</source>
      <translation>هیئت</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>اعضا</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>برنامه</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>پیوندها</translation>
    </message>
    <message>
      <source>Target markets concerned</source>
      <translation>بازارهای هدف مرتبط</translation>
    </message>
    <message>
      <source>Agreements signed on the trip</source>
      <translation>موافقت‌نامه‌های امضاشده در سفر</translation>
    </message>
    <message>
      <source>The whole country</source>
      <translation>کل کشور</translation>
    </message>
    <message>
      <source>Add a typed name</source>
      <translation>افزودن نام نوشته‌شده</translation>
    </message>
    <message>
      <source>Add company or university</source>
      <translation>افزودن شرکت یا دانشگاه</translation>
    </message>
    <message>
      <source>Add a person from the directory…</source>
      <translation>افزودن شخص از فهرست مخاطبان…</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>نقش</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>روز</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>ساعت</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>مکان</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>برنامه</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Resolutions concerning this delegation</source>
      <translation>مصوبات مربوط به این هیئت</translation>
    </message>
    <message>
      <source>Confidential</source>
      <translation>محرمانه</translation>
    </message>
  </context>
  <context>
    <name>DelegationTableModel</name>
    <message>
      <source>Direction</source>
      <translation>نوع هیئت</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
    <message>
      <source>Destination / origin</source>
      <translation>مقصد / مبدأ</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
    <message>
      <source>Head</source>
      <translation>سرپرست</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
  </context>
  <context>
    <name>DelegationFilterBar</name>
    <message>
      <source>Search delegations… (Ctrl+F)</source>
      <translation>جستجوی هیئت‌ها… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>From (Jalali date)</source>
      <translation>از (تاریخ شمسی)</translation>
    </message>
    <message>
      <source>To (Jalali date)</source>
      <translation>تا (تاریخ شمسی)</translation>
    </message>
    <message>
      <source>Sent and received</source>
      <translation>اعزامی و پذیرش</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <source>To</source>
      <translation>تا</translation>
    </message>
  </context>
  <context>
    <name>DelegationsPage</name>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>Trade delegations</source>
      <translation>هیئت‌های تجاری</translation>
    </message>
    <message>
      <source>New delegation</source>
      <translation>هیئت جدید</translation>
    </message>
    <message>
      <source>Delegations</source>
      <translation>هیئت‌ها</translation>
    </message>
    <message>
      <source>%1 delegations</source>
      <translation>%1 هیئت</translation>
    </message>
    <message>
      <source>No delegation to show. Clear the filters, or record one with “New delegation”.</source>
      <translation>هیئتی برای نمایش نیست. فیلترها را پاک کنید یا با «هیئت جدید» یکی ثبت کنید.</translation>
    </message>
  </context>
  <context>
    <name>CapacityForm</name>
    <message>
      <source>Save the capacity first; then photos can be attached.</source>
      <translation>ابتدا ظرفیت را ذخیره کنید؛ سپس می‌توان عکس پیوست کرد.</translation>
    </message>
    <message>
      <source>Photos and documents of the capacity. Files are copied into the office's data folder (at most %1 MB each).</source>
      <translation>عکس‌ها و مدارک ظرفیت. پرونده‌ها در پوشهٔ داده‌های دفتر رونوشت می‌شوند (هر کدام حداکثر %1 مگابایت).</translation>
    </message>
    <message>
      <source>Description, e.g. aerial view</source>
      <translation>شرح، مثلاً نمای هوایی</translation>
    </message>
    <message>
      <source>Contact body</source>
      <translation>مرجع پاسخ‌گو</translation>
    </message>
    <message>
      <source>This capacity has unsaved changes. Close it and lose them?</source>
      <translation>تغییرات این ظرفیت ذخیره نشده است. بسته شود و تغییرات از دست برود؟</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
    <message>
      <source>Title in English</source>
      <translation>عنوان انگلیسی</translation>
    </message>
    <message>
      <source>Axis</source>
      <translation>محور</translation>
    </message>
    <message>
      <source>County</source>
      <translation>شهرستان</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>مساحت</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>واحد</translation>
    </message>
    <message>
      <source>Jobs</source>
      <translation>اشتغال</translation>
    </message>
    <message>
      <source>Investment needed</source>
      <translation>سرمایهٔ لازم</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>واحد پول</translation>
    </message>
    <message>
      <source>Publishable (in the brochure for embassies)</source>
      <translation>قابل انتشار (در کتابچهٔ سفارتخانه‌ها)</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>شرح</translation>
    </message>
    <message>
      <source>Description in English</source>
      <translation>شرح انگلیسی</translation>
    </message>
    <message>
      <source>New capacity</source>
      <translation>ظرفیت جدید</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>ظرفیت</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>عکس‌ها</translation>
    </message>
  </context>
  <context>
    <name>CapacityTableModel</name>
    <message>
      <source>Axis</source>
      <translation>محور</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>عنوان</translation>
    </message>
    <message>
      <source>County</source>
      <translation>شهرستان</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Jobs</source>
      <translation>اشتغال</translation>
    </message>
    <message>
      <source>Investment needed</source>
      <translation>سرمایهٔ لازم</translation>
    </message>
    <message>
      <source>Publishable</source>
      <translation>قابل انتشار</translation>
    </message>
  </context>
  <context>
    <name>CapacityFilterBar</name>
    <message>
      <source>Search title, description, contact… (Ctrl+K)</source>
      <translation>جستجوی عنوان، شرح، مرجع پاسخ‌گو… (Ctrl+K)</translation>
    </message>
    <message>
      <source>Publishable only</source>
      <translation>فقط قابل انتشار</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
      <source>All axes</source>
      <translation>همهٔ محورها</translation>
    </message>
    <message>
      <source>All counties</source>
      <translation>همهٔ شهرستان‌ها</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همهٔ وضعیت‌ها</translation>
    </message>
  </context>
  <context>
    <name>CapacitiesPage</name>
    <message>
      <source>Persian</source>
      <translation>فارسی</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English (انگلیسی)</translation>
    </message>
    <message>
      <source>Persian and English</source>
      <translation>فارسی و انگلیسی</translation>
    </message>
    <message>
      <source>Province capacities</source>
      <translation>ظرفیت‌های استان</translation>
    </message>
    <message>
      <source>New capacity</source>
      <translation>ظرفیت جدید</translation>
    </message>
    <message>
      <source>Catalogue</source>
      <translation>فهرست ظرفیت‌ها</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>بایگانی</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>بازیابی</translation>
    </message>
    <message>
      <source>Export to Excel/CSV…</source>
      <translation>خروجی اکسل / CSV…</translation>
    </message>
    <message>
      <source>Print brochure</source>
      <translation>چاپ کتابچه</translation>
    </message>
    <message>
      <source>The publishable capacities, one section per axis, for embassies</source>
      <translation>ظرفیت‌های قابل انتشار، هر محور یک بخش، برای سفارتخانه‌ها</translation>
    </message>
    <message>
      <source>No capacity to show. Clear the filters, or press “New capacity” to record one.</source>
      <translation>ظرفیتی برای نمایش نیست. فیلترها را پاک کنید یا با «ظرفیت جدید» یکی ثبت کنید.</translation>
    </message>
    <message>
      <source>No archived capacity.</source>
      <translation>ظرفیت بایگانی‌شده‌ای نیست.</translation>
    </message>
    <message>
      <source>%1 capacities</source>
      <translation>%1 ظرفیت</translation>
    </message>
    <message>
      <source>Select a capacity first.</source>
      <translation>ابتدا یک ظرفیت را انتخاب کنید.</translation>
    </message>
  </context>
  <context>
    <name>ExportsMapCard</name>
    <message>
      <source>Exports by country</source>
      <translation>صادرات به تفکیک کشور</translation>
    </message>
    <message>
      <source>Exports by country in %1</source>
      <translation>صادرات به تفکیک کشور در %1</translation>
    </message>
    <message>
      <source>%1: %2 USD</source>
      <translation>%1: %2 دلار</translation>
    </message>
    <message>
      <source>%1 countries; most: %2</source>
      <translation>%1 کشور؛ بیشترین: %2</translation>
    </message>
  </context>
  <context>
    <name>DelegationsAheadCard</name>
    <message>
      <source>Delegations ahead</source>
      <translation>هیئت‌های پیش رو</translation>
    </message>
    <message>
      <source>No trade delegation is planned.</source>
      <translation>هیئت تجاری‌ای در برنامه نیست.</translation>
    </message>
  </context>
  <context>
    <name>RegionsDialog</name>
    <message>
      <source>Name (Persian)</source>
      <translation>نام (فارسی)</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>نام (انگلیسی)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <source>Regions of %1</source>
      <translation>مناطق %1</translation>
    </message>
    <message>
      <source>A region belongs to this country. Archiving one keeps the markets and exports recorded for it; it is no longer offered for new ones.</source>
      <translation>هر منطقه از همین کشور است. بایگانی یک منطقه بازارها و صادرات ثبت‌شده برای آن را نگه می‌دارد؛ فقط دیگر برای موارد جدید پیشنهاد نمی‌شود.</translation>
    </message>
    <message>
      <source>Save changes</source>
      <translation>ذخیرهٔ تغییرات</translation>
    </message>
    <message>
      <source>Archive region</source>
      <translation>بایگانی منطقه</translation>
    </message>
    <message>
      <source>Archive the region «%1»? Its markets and exports keep it; it is no longer offered.</source>
      <translation>منطقهٔ «%1» بایگانی شود؟ بازارها و صادرات آن منطقه را نگه می‌دارند؛ دیگر پیشنهاد نمی‌شود.</translation>
    </message>
  </context>
  <context>
    <name>_FormDialog</name>
    <message>
      <source>The two passwords differ.</source>
      <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
  </context>
  <context>
    <name>UserFormDialog</name>
    <message>
      <source>Create the administrator</source>
      <translation>ایجاد مدیر سامانه</translation>
    </message>
    <message>
      <source>Edit user</source>
      <translation>ویرایش کاربر</translation>
    </message>
    <message>
      <source>New user</source>
      <translation>کاربر جدید</translation>
    </message>
    <message>
      <source>User name:</source>
      <translation>نام کاربری:</translation>
    </message>
    <message>
      <source>Full name:</source>
      <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
      <source>Role:</source>
      <translation>نقش:</translation>
    </message>
    <message>
      <source>Confidential records:</source>
      <translation>رکوردهای محرمانه:</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>گذرواژه:</translation>
    </message>
    <message>
      <source>Password again:</source>
      <translation>تکرار گذرواژه:</translation>
    </message>
    <message>
      <source>May see records flagged confidential</source>
      <translation>مجاز به دیدن رکوردهای محرمانه</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <source>Reset the password of %1</source>
      <translation>بازنشانی گذرواژهٔ %1</translation>
    </message>
    <message>
      <source>Change password</source>
      <translation>تغییر گذرواژه</translation>
    </message>
    <message>
      <source>Current password:</source>
      <translation>گذرواژهٔ کنونی:</translation>
    </message>
    <message>
      <source>New password:</source>
      <translation>گذرواژهٔ جدید:</translation>
    </message>
    <message>
      <source>New password again:</source>
      <translation>تکرار گذرواژهٔ جدید:</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
  </context>
  <context>
    <name>UsersDialog</name>
    <message>
      <source>Users</source>
      <translation>کاربران</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>نام کاربری</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>نقش</translation>
    </message>
    <message>
      <source>Confidential</source>
      <translation>محرمانه</translation>
    </message>
    <message>
      <source>State</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <source>Last sign-in</source>
      <translation>آخرین ورود</translation>
    </message>
    <message>
      <source>New user…</source>
      <translation>کاربر جدید…</translation>
    </message>
    <message>
      <source>Role and clearance…</source>
      <translation>نقش و مجوز محرمانه…</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>بازنشانی گذرواژه…</translation>
    </message>
    <message>
      <source>Lock the window after this many idle minutes (0: never):</source>
      <translation>قفل پنجره پس از این چند دقیقه بی‌کاری (۰: هرگز):</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>اعمال</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>غیرفعال</translation>
    </message>
    <message>
      <source>Locked until %1</source>
      <translation>قفل تا %1</translation>
    </message>
    <message>
      <source>Enabled</source>
      <translation>فعال</translation>
    </message>
    <message>
      <source>Cleared</source>
      <translation>مجاز</translation>
    </message>
    <message>
      <source>Enable</source>
      <translation>فعال کردن</translation>
    </message>
    <message>
      <source>Disable</source>
      <translation>غیرفعال کردن</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <source>Window locked</source>
      <translation>پنجره قفل شد</translation>
    </message>
    <message>
      <source>The window was locked after a time without use. Enter your password to go on; everything you had open is kept.</source>
      <translation>پنجره پس از مدتی بی‌کاری قفل شد. برای ادامه گذرواژهٔ خود را وارد کنید؛ هرچه باز بود همان‌طور می‌ماند.</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>ورود به سامانه</translation>
    </message>
    <message>
      <source>This database has users. Sign in to work on it.</source>
      <translation>این پایگاه داده کاربر دارد. برای کار با آن وارد شوید.</translation>
    </message>
    <message>
      <source>User name:</source>
      <translation>نام کاربری:</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>گذرواژه:</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>بازکردن قفل</translation>
    </message>
    <message>
      <source>Quit the program</source>
      <translation>خروج از برنامه</translation>
    </message>
    <message>
      <source>Quit the program? Forms not yet saved are closed without saving.</source>
      <translation>از برنامه خارج شوید؟ فرم‌هایی که ذخیره نشده‌اند بدون ذخیره بسته می‌شوند.</translation>
    </message>
  </context>
  <context>
    <name>ServerConnectionDialog</name>
    <message>
      <source>Server password</source>
      <translation>گذرواژهٔ سرور</translation>
    </message>
    <message>
      <source>Password of the server database %1:</source>
      <translation>گذرواژهٔ پایگاه داده سرور %1:</translation>
    </message>
    <message>
      <source>Connection to the office's server</source>
      <translation>اتصال به سرور اداره</translation>
    </message>
    <message>
      <source>This computer's database file (one desk; the default)</source>
      <translation>پروندهٔ پایگاه داده همین رایانه (یک میز؛ پیش‌فرض)</translation>
    </message>
    <message>
      <source>The office's server (PostgreSQL), shared by every desk</source>
      <translation>سرور اداره (PostgreSQL)، مشترک میان همهٔ میزها</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>نشانی سرور</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>گذرواژه</translation>
    </message>
    <message>
      <source>Asked for when empty</source>
      <translation>اگر خالی بماند، هنگام اتصال پرسیده می‌شود</translation>
    </message>
    <message>
      <source>Remember the password in Windows' credential store</source>
      <translation>نگه‌داشتن گذرواژه در انبار گذرواژه‌های ویندوز</translation>
    </message>
    <message>
      <source>Shared attachments folder</source>
      <translation>پوشهٔ مشترک پیوست‌ها</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>انتخاب…</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>آزمایش اتصال</translation>
    </message>
    <message>
      <source>Type the server's address: postgresql://user@server:port/database</source>
      <translation>نشانی سرور را بنویسید: postgresql://user@server:port/database</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>در حال اتصال…</translation>
    </message>
    <message>
      <source>Connected. The database is empty: its tables are made when it is first opened.</source>
      <translation>وصل شد. پایگاه داده خالی است: جدول‌های آن در نخستین باز شدن ساخته می‌شوند.</translation>
    </message>
    <message>
      <source>Connected. The database is ready for this version of the program.</source>
      <translation>وصل شد. پایگاه داده برای این نسخهٔ برنامه آماده است.</translation>
    </message>
    <message>
      <source>Now working on %1</source>
      <translation>اکنون کار روی %1</translation>
    </message>
  </context>
  <context>
    <name>StaleSaveDialog</name>
    <message>
      <source>Another desk changed this record meanwhile.</source>
      <translation>میز دیگری در این فاصله این رکورد را تغییر داده است.</translation>
    </message>
    <message>
      <source>%1 changed this record at desk %2 on %3 at %4.</source>
      <translation>%1 این رکورد را در میز %2 در تاریخ %3 ساعت %4 تغییر داده است.</translation>
    </message>
    <message>
      <source>Changed at another desk</source>
      <translation>تغییر در میز دیگر</translation>
    </message>
    <message>
      <source>Not saved: someone else changed this record after you opened it.</source>
      <translation>ذخیره نشد: پس از آنکه این رکورد را باز کردید، کاربر دیگری آن را تغییر داده است.</translation>
    </message>
    <message>
      <source>What you typed is listed below. «Reload» opens the record as it is stored now and keeps this list beside it, so you can copy your changes back.</source>
      <translation>آنچه نوشته بودید در زیر آمده است. «بارگذاری دوباره» رکورد را همان‌گونه که اکنون ذخیره شده است باز می‌کند و این فهرست را کنار آن نگه می‌دارد تا تغییرات خود را دوباره وارد کنید.</translation>
    </message>
    <message>
      <source>«Reload» opens the record as it is stored now.</source>
      <translation>«بارگذاری دوباره» رکورد را همان‌گونه که اکنون ذخیره شده است باز می‌کند.</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>فیلد</translation>
    </message>
    <message>
      <source>What you typed</source>
      <translation>آنچه نوشته بودید</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>بارگذاری دوباره</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>بستن</translation>
    </message>
  </context>
  <context>
    <name>TypedValuesPanel</name>
    <message>
      <source>What you typed</source>
      <translation>آنچه نوشته بودید</translation>
    </message>
    <message>
      <source>The record is shown as stored now. Your typed values are kept here: select one and copy it (or double-click it) to paste it back into the form.</source>
      <translation>رکورد همان‌گونه که اکنون ذخیره شده است نمایش داده می‌شود. آنچه نوشته بودید اینجا نگه داشته شده است: یکی را انتخاب و رونوشت کنید (یا روی آن دوبار کلیک کنید) و دوباره در فرم بچسبانید.</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>فیلد</translation>
    </message>
    <message>
      <source>Copy the selected value</source>
      <translation>رونوشت مقدار انتخاب‌شده</translation>
    </message>
  </context>
  <context>
    <name>PagedTableModel</name>
    <message>
      <source>Confidential</source>
      <translation>محرمانه</translation>
    </message>
  </context>
  <context>
    <name>SeriesFilterBar</name>
    <message>
      <source>All series</source>
      <translation>همهٔ سلسله‌جلسات</translation>
    </message>
  </context>
  <context>
    <name>RowTable</name>
    <message>
      <source>Nothing listed yet.</source>
      <translation>هنوز موردی ثبت نشده است.</translation>
    </message>
    <message>
      <source>Nothing listed yet. Use «%1» to add a row.</source>
      <translation>هنوز موردی ثبت نشده است. برای افزودن، «%1» را بزنید.</translation>
    </message>
  </context>
</TS>
