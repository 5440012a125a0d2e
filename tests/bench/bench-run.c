/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * bench-run: times whole programs, side by side.
 *
 *   bench-run [--runs N] [--warmup N] [--probe] NAME 'COMMAND ARGS' NAME 'COMMAND ARGS' ...
 *
 * Each command (split like a shell would split it, but executed directly,
 * so that no shell's own start-up is counted) is run N times; "{n}" in it
 * becomes the number of the run, e.g. to write a new file each time.  The runs are
 * interleaved, A B C, B C A, C A B, ..., so that a neighbour's burst of load
 * on this shared machine falls on every command alike rather than on
 * whichever ran during it.
 *
 * Measured per run: wall time from just before fork() to the return of
 * wait4(), and the child's peak resident set (ru_maxrss, what GNU time
 * reports as "Maximum resident set size").  With --probe, the time is
 * instead taken up to a line "first-frame USEC" that the child prints on
 * its standard output, USEC being g_get_monotonic_time() (CLOCK_MONOTONIC,
 * the same clock in every process).
 *
 * Output, one tab-separated line per command, for scripts:
 *   NAME  median_ms  min_ms  max_ms  median_peak_rss_kib  runs  median_cpu_ms
 * (CPU: user + system time of the child, less noisy than wall time when
 * other work shares the machine) and every sample on standard error.  A command that exits with a
 * non-zero status fails the whole benchmark: a fast failure is no result.
 */

typedef struct
{
  char    *name;
  char   **argv;
  GArray  *times;   /* double, milliseconds */
  GArray  *rss;     /* double, KiB */
  GArray  *cpu;     /* double, milliseconds of user + system time */
} Command;

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), values->len);
  guint n = values->len;

  g_array_append_vals (sorted, values->data, n);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

/* Reads the child's standard output until EOF and returns the timestamp of
 * its "first-frame" line, or -1. */
static double
read_probe (int fd)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];
  const char *line;
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      g_string_append_len (text, buffer, n);
    }

  line = strstr (text->str, "first-frame ");
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("first-frame "), NULL);
}

/* @argv with every "{n}" replaced by @round, so that a command can write
 * a fresh file on each run. */
static char **
expand_argv (char **argv,
             int    round)
{
  g_autofree char *number = g_strdup_printf ("%d", round);
  guint n = g_strv_length (argv);
  char **expanded = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (argv[i], "{n}", -1);

      expanded[i] = g_strjoinv (number, pieces);
    }
  return expanded;
}

static int timeout_seconds = 120;

static gboolean
run_once (Command  *command,
          int       round,
          gboolean  probe,
          gboolean  record)
{
  g_auto(GStrv) argv = expand_argv (command->argv, round);
  struct rusage usage;
  double start, end, frame = -1;
  int pipe_fds[2] = { -1, -1 };
  int status;
  pid_t pid;

  if (probe && pipe (pipe_fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  start = now_us ();
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));

  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_RDWR);

      dup2 (null_fd, STDIN_FILENO);
      if (probe)
        {
          dup2 (pipe_fds[1], STDOUT_FILENO);
          close (pipe_fds[0]);
          close (pipe_fds[1]);
        }
      else
        dup2 (null_fd, STDOUT_FILENO);
      close (null_fd);
      /* A pending alarm survives exec(): a program that hangs is killed
       * by SIGALRM and fails the benchmark instead of stalling it. */
      alarm (timeout_seconds);
      execvp (argv[0], argv);
      fprintf (stderr, "bench-run: cannot run %s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }

  if (probe)
    {
      close (pipe_fds[1]);
      frame = read_probe (pipe_fds[0]);
      close (pipe_fds[0]);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        g_error ("wait4: %s", g_strerror (errno));
    }
  end = now_us ();

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-run: %s failed (%s %d)\n", command->name,
                  WIFEXITED (status) ? "exit status" : "signal",
                  WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status));
      return FALSE;
    }
  if (probe && frame < 0)
    {
      g_printerr ("bench-run: %s printed no first-frame line\n", command->name);
      return FALSE;
    }

  if (record)
    {
      double ms = ((probe ? frame : end) - start) / 1000.0;
      double kib = usage.ru_maxrss;
      double cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                   (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;

      g_array_append_val (command->times, ms);
      g_array_append_val (command->rss, kib);
      g_array_append_val (command->cpu, cpu);
      g_printerr ("sample\t%s\t%.3f\t%.0f\t%.3f\n", command->name, ms, kib, cpu);
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  int runs = 10;
  int warmup = 1;
  gboolean probe = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Measured runs of each command", "N" },
    { "warmup", 'w', 0, G_OPTION_ARG_INT, &warmup, "Unmeasured runs of each command first", "N" },
    { "probe", 0, 0, G_OPTION_ARG_NONE, &probe, "Time up to the child's “first-frame USEC” line", NULL },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout_seconds, "Kill a run after this long (default 120)", "SECONDS" },
    { NULL }
  };

  context = g_option_context_new ("NAME COMMAND [NAME COMMAND…] - time programs side by side");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-run: %s\n", error->message);
      return 2;
    }
  if (argc < 3 || (argc - 1) % 2 != 0 || runs < 1 || warmup < 0)
    {
      g_printerr ("bench-run: give NAME COMMAND pairs, and --runs of at least 1\n");
      return 2;
    }

  commands = g_ptr_array_new ();
  for (int i = 1; i < argc; i += 2)
    {
      Command *command = g_new0 (Command, 1);

      command->name = argv[i];
      if (!g_shell_parse_argv (argv[i + 1], NULL, &command->argv, &error))
        {
          g_printerr ("bench-run: %s: %s\n", argv[i], error->message);
          return 2;
        }
      command->times = g_array_new (FALSE, FALSE, sizeof (double));
      command->rss = g_array_new (FALSE, FALSE, sizeof (double));
      command->cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (commands, command);
    }

  for (int round = 0; round < warmup + runs; round++)
    {
      for (guint j = 0; j < commands->len; j++)
        {
          /* Rotate who goes first in each round. */
          Command *command = g_ptr_array_index (commands, (j + round) % commands->len);

          if (!run_once (command, round, probe, round >= warmup))
            return 1;
        }
    }

  for (guint j = 0; j < commands->len; j++)
    {
      Command *command = g_ptr_array_index (commands, j);
      g_autoptr(GArray) sorted = g_array_copy (command->times);

      g_array_sort (sorted, compare_doubles);
      printf ("%s\t%.3f\t%.3f\t%.3f\t%.0f\t%u\t%.3f\n",
              command->name,
              median (command->times),
              g_array_index (sorted, double, 0),
              g_array_index (sorted, double, sorted->len - 1),
              median (command->rss),
              command->times->len,
              median (command->cpu));
    }

  return 0;
}
