#include "model/bench/busycore.h"

#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace mplug2::model {

BusyCore::BusyCore()
{
    const pid_t parent = getpid();
    m_child = fork();
    if (m_child == 0) {
        // Only async-signal-safe work after fork() in a threaded process:
        // die with the parent, then spin.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(0);
        volatile unsigned long spins = 0;
        for (;;)
            spins = spins + 1;
    }
}

BusyCore::~BusyCore()
{
    if (m_child <= 0)
        return;
    kill(m_child, SIGKILL);
    int status = 0;
    waitpid(m_child, &status, 0);
}

} // namespace mplug2::model
