/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor of process start-up: a C program that links libc only.  The
 * benchmarks compare `dossier --version` with it to see what loading the
 * libraries costs. */
int
main (void)
{
  return 0;
}
