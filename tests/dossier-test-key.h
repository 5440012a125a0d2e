/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* API keys for the tests, distinctive enough that finding one of them in a
 * log, an export or a file can only mean a leak.  tests/test-leak.sh reads
 * this file to know what to look for: keep one key per line, each a plain
 * string literal, `askr_` (read) or `askw_` (write only) plus 32 hex digits.
 * Every test that handles a key should use these. */
#define DOSSIER_TEST_API_KEY        "askr_d05513e7c0ffee0ddba11ca7f00dfeed"
#define DOSSIER_TEST_API_KEY_2      "askr_5ec0dd05513e7a11babe0fb0a710ad99"
#define DOSSIER_TEST_WRITE_API_KEY  "askw_c0de0fd05513e7f0771e0a5e1ab5e11e"

#define DOSSIER_TEST_USER_EMAIL     "recruiter@example.com"
#define DOSSIER_TEST_USER_EMAIL_2   "second.team@example.com"
