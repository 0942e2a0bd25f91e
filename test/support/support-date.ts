/**
 * The day the tests judge versions' support against (lib/core/support-window.ts), so a
 * test's verdict does not change with the calendar: the day the catalogs' support windows
 * were last checked. Set for the whole run by the global setup (BOOKSTORE_SUPPORT_DATE),
 * unless the environment already names a day.
 */
export const TESTS_JUDGE_SUPPORT_ON = "2026-12-07";

/**
 * The latest day a catalog fact was read (an account prerequisite's `checkedOn`): no fact
 * may claim a later day. Apart from `TESTS_JUDGE_SUPPORT_ON`, since reading a fact does not
 * recheck every support window.
 */
export const FACTS_CHECKED_BY = "2026-12-08";
