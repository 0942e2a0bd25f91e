/**
 * The day the tests judge versions' support against (lib/core/support-window.ts), so a
 * test's verdict does not change with the calendar: the day the catalogs' support windows
 * were last checked. Set for the whole run by the global setup (BOOKSTORE_SUPPORT_DATE),
 * unless the environment already names a day.
 */
export const TESTS_JUDGE_SUPPORT_ON = "2026-12-07";
