// Linked into each executable (not a library: the dynamic loader honours a
// .preinit_array only in the program itself). Makes OpenMP threads wait
// passively at barriers: unless the user set OMP_WAIT_POLICY, the program
// runs itself again with OMP_WAIT_POLICY=passive, before any library's
// constructor has run. libgomp reads the setting once, in its constructor,
// and setenv() here would not reach it: libc's own initialisation, which
// runs after this, resets the environment to the one the kernel passed.
//
// Why: an OpenMP thread that finishes its share spins at the barrier for the
// others. When another process holds part of a core (the GUI, a browser, a
// second job), the descheduled thread keeps the spinning one burning the
// core it needs. Measured with `mplug2-bench bench --config base
// --precision fp32,bf16 --busy-core` on 2 cores: the caption took 3.2x
// (fp32) and 3.1x (bf16) its idle time spinning, 1.98x and 1.55x passive,
// with the idle times unchanged within noise (6.0 vs 6.3 s, 2.7 vs 2.9 s).
// Running again costs a second start (+0.34 s for `mplug2 --version`), so a
// program built with MPLUG2_PASSIVE_OPENMP_COMMANDS (a comma-separated list)
// does it only for those subcommands (argv[1]): the CLI's long jobs.
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace {

bool wantedFor(int argc, char **argv)
{
#ifdef MPLUG2_PASSIVE_OPENMP_COMMANDS
    if (argc < 2 || !argv[1] || !argv[1][0])
        return false;
    const char *list = MPLUG2_PASSIVE_OPENMP_COMMANDS;
    const size_t length = std::strlen(argv[1]);
    for (const char *item = list; *item;) {
        const char *end = std::strchr(item, ',');
        const size_t size = end ? static_cast<size_t>(end - item) : std::strlen(item);
        if (size == length && std::strncmp(item, argv[1], size) == 0)
            return true;
        if (!end)
            break;
        item = end + 1;
    }
    return false;
#else
    (void)argc;
    (void)argv;
    return true;
#endif
}

void preferPassiveOpenMpWaits(int argc, char **argv, char **envp)
{
    if (!wantedFor(argc, argv))
        return;
    // getenv() does not work yet: read the kernel's environment directly.
    int count = 0;
    for (; envp && envp[count]; ++count)
        if (std::strncmp(envp[count], "OMP_WAIT_POLICY=", 16) == 0)
            return;
    auto **env = static_cast<char **>(std::calloc(static_cast<size_t>(count) + 2, sizeof(char *)));
    if (!env)
        return;
    for (int i = 0; i < count; ++i)
        env[i] = envp[i];
    static char passive[] = "OMP_WAIT_POLICY=passive";
    env[count] = passive;
    execve("/proc/self/exe", argv, env);
    // No /proc: run on with libgomp's default (spin a while, then sleep).
    std::free(env);
}

} // namespace

__attribute__((section(".preinit_array"), used)) static void (*const g_passiveOpenMpWaits)(
    int, char **, char **)
    = &preferPassiveOpenMpWaits;
