<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
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
      <translation>با این حال ذخیره کن</translation>
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
    <name>FilterBar</name>
    <message>
      <source>All countries</source>
      <translation>همه کشورها</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>همه وضعیت‌ها</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>پاک کردن پالایه‌ها</translation>
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
      <translation>بارگذاری داده نمونه</translation>
    </message>
    <message>
      <source>Loading sample data…</source>
      <translation>در حال بارگذاری داده نمونه…</translation>
    </message>
    <message>
      <source>Sample data loaded: %1 records.</source>
      <translation>داده نمونه بارگذاری شد: %1 رکورد.</translation>
    </message>
    <message>
      <source>The database is empty. You can start entering your own contacts and visits, or load sample data (countries, embassies, contacts, visits) to try the application first.</source>
      <translation>پایگاه داده خالی است. می‌توانید ورود مخاطبان و دیدارهای خود را آغاز کنید، یا برای آشنایی با برنامه ابتدا داده نمونه (کشورها، سفارتخانه‌ها، مخاطبان، دیدارها) را بارگذاری کنید.</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translation>خوش آمدید</translation>
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
      <source>e.g. 1404/08/03</source>
      <translation>مثلاً ۱۴۰۴/۰۸/۰۳</translation>
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
    <name>MainWindow</name>
    <message>
      <source>Database file</source>
      <translation>پرونده پایگاه داده</translation>
    </message>
    <message>
      <source>Language changed.</source>
      <translation>زبان تغییر کرد.</translation>
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
      <source>This page has no search box.</source>
      <translation>این صفحه جعبه جستجو ندارد.</translation>
    </message>
    <message>
      <source>Toolbar</source>
      <translation>نوار ابزار</translation>
    </message>
  </context>
  <context>
    <name>Modules</name>
    <message>
      <source>Dashboard</source>
      <translation>پیشخوان</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>دیدارها</translation>
    </message>
  </context>
  <context>
    <name>MonthGrid</name>
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
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>Default visits view</source>
      <translation>نمای پیش‌فرض دیدارها</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English (انگلیسی)</translation>
    </message>
    <message>
      <source>Font size</source>
      <translation>اندازه قلم</translation>
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
      <source>Persian</source>
      <translation>فارسی</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>هفته</translation>
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
    <name>VisitForm</name>
    <message>
      <source>Activity</source>
      <translation>برنامه</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>افزودن ردیف</translation>
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
      <translation>حذف (بایگانی)</translation>
    </message>
    <message>
      <source>Delete visit</source>
      <translation>حذف دیدار</translation>
    </message>
    <message>
      <source>Discard changes</source>
      <translation>کنار گذاشتن تغییرات</translation>
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
      <translation>برنامه سفر</translation>
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
      <translation>فقط وقتی مهمانان در قالب هیئتی با نام مشخص می‌آیند</translation>
    </message>
    <message>
      <source>Outcome and follow-ups</source>
      <translation>نتیجه و پیگیری‌ها</translation>
    </message>
    <message>
      <source>Outcome of the visit</source>
      <translation>نتیجه دیدار</translation>
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
      <source>Remove row</source>
      <translation>حذف ردیف</translation>
    </message>
    <message>
      <source>Repeated gift</source>
      <translation>هدیه تکراری</translation>
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
      <translation>وسیله نقلیه</translation>
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
      <source>e.g. Governorate, meeting hall</source>
      <translation>مثلاً استانداری، سالن جلسات</translation>
    </message>
    <message>
      <source>e.g. Visit of the ambassador of Japan</source>
      <translation>مثلاً دیدار سفیر ژاپن</translation>
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
      <source>List</source>
      <translation>فهرست</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>ماه</translation>
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
      <source>Week</source>
      <translation>هفته</translation>
    </message>
  </context>
  <context>
    <name>WeekAgenda</name>
    <message>
      <source>Next week</source>
      <translation>هفته بعد</translation>
    </message>
    <message>
      <source>Previous week</source>
      <translation>هفته قبل</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>این هفته</translation>
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
</TS>
