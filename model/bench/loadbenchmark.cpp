#include "model/bench/loadbenchmark.h"

#include "base/json/json.h"
#include "model/bench/benchstats.h"
#include "model/bench/commandline.h"
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/statedict.h"
#include "model/checkpoint/weightselection.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <set>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace mplug2::model {

namespace {

constexpr std::uint64_t kPage = 4096;

double seconds(const std::function<void()> &work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void evictFromPageCache(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

bool runCat(const std::string &path)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    std::string catPath = "/bin/cat";
    std::vector<char *> args = {catPath.data(), const_cast<char *>(path.c_str()), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, catPath.c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    return rc == 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

long statusKiB(const char *field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field, 0) == 0)
            return std::stol(line.substr(std::string(field).size()));
    }
    return 0;
}

/// The kept storages' byte ranges (each shared storage once).
std::vector<std::pair<std::uint64_t, std::uint64_t>> keptRanges(
    const CheckpointIndex &index, const WeightSelection &selection)
{
    std::set<std::uint32_t> storages;
    for (const SelectedTensor &s : selection.kept)
        storages.insert(index.tensors()[s.tensor].storage);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (const std::uint32_t s : storages)
        ranges.emplace_back(index.storages()[s].fileOffset, index.storages()[s].byteSize);
    return ranges;
}

std::uint64_t preadRanges(
    const std::string &path, const std::vector<std::pair<std::uint64_t, std::uint64_t>> &ranges)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    std::vector<char> buffer(16u << 20);
    std::uint64_t total = 0;
    for (const auto &[offset, length] : ranges) {
        for (std::uint64_t done = 0; done < length;) {
            const auto n = ::pread(fd, buffer.data(), std::min<std::uint64_t>(buffer.size(), length - done),
                static_cast<off_t>(offset + done));
            if (n <= 0)
                break;
            done += static_cast<std::uint64_t>(n);
            total += static_cast<std::uint64_t>(n);
        }
    }
    ::close(fd);
    return total;
}

/// Bytes of [offset, offset + length) that are in the page cache now.
std::uint64_t residentBytes(const MappedFile &file, std::uint64_t offset, std::uint64_t length)
{
    if (length == 0)
        return 0;
    const std::uint64_t start = offset / kPage * kPage;
    const std::uint64_t end = std::min(file.size(), offset + length);
    std::vector<unsigned char> pages((end - start + kPage - 1) / kPage);
    auto *base = const_cast<std::uint8_t *>(file.bytes().data()) + start;
    if (::mincore(base, end - start, pages.data()) != 0)
        return 0;
    std::uint64_t resident = 0;
    for (const unsigned char p : pages)
        resident += (p & 1) ? kPage : 0;
    return std::min(resident, end - start);
}

struct LoadRun {
    double seconds = 0;
    std::size_t tensors = 0;
    std::uint64_t skippedResident = 0;
    std::string error;
};

/// Loads the model weights and touches every page of them: "ready to use".
LoadRun loadAndTouch(const std::string &path)
{
    LoadRun run;
    std::optional<CheckpointIndex> kept;
    run.seconds = seconds([&] {
        auto index = CheckpointIndex::open(path);
        if (!index) {
            run.error = index.error().message;
            return;
        }
        auto weights = loadStateDict(*index);
        if (!weights) {
            run.error = weights.error().message;
            return;
        }
        volatile std::uint8_t sink = 0;
        for (const auto &[name, tensor] : *weights) {
            const auto *bytes = static_cast<const std::uint8_t *>(tensor.storage().data());
            const std::size_t size = tensor.storage().nbytes();
            for (std::size_t i = 0; i < size; i += kPage)
                sink = sink + bytes[i];
        }
        run.tensors = weights->size();
        kept.emplace(std::move(*index));
    });
    if (kept) {
        auto selection = selectModelWeights(*kept, true);
        std::set<std::uint32_t> keptStorages;
        for (const SelectedTensor &s : selection->kept)
            keptStorages.insert(kept->tensors()[s.tensor].storage);
        for (std::uint32_t s = 0; s < kept->storages().size(); ++s) {
            if (!keptStorages.count(s))
                run.skippedResident += residentBytes(
                    *kept->file(), kept->storages()[s].fileOffset, kept->storages()[s].byteSize);
        }
    }
    return run;
}

} // namespace

int runLoadBenchmarkCommand(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    cl.declareFlag("json");
    cl.declareValue("repeat");
    cl.declareFlag("help");
    if (const auto err = cl.parse(); !err.empty() || cl.positional().size() != 1 || cl.has("help")) {
        (cl.has("help") ? std::cout : std::cerr)
            << (err.empty() ? "" : "mplug2-bench load: " + err + "\n")
            << "Usage: mplug2-bench load FILE [--repeat N] [--json]\n"
               "Time listing the keys and loading the model weights of FILE (cold and warm page\n"
               "cache) next to `cat FILE > /dev/null` and a raw read of the model weights' bytes.\n"
               "Each step runs N times (default 3); the medians are reported.\n"
               "Make a test file with `mplug2-bench synth-checkpoint`.\n";
        return cl.has("help") && err.empty() ? 0 : 2;
    }
    bool repeatOk = true;
    const long long repeat = cl.intValue("repeat", 3, &repeatOk);
    if (!repeatOk || repeat < 1 || repeat > 100) {
        std::cerr << "mplug2-bench load: --repeat wants a count from 1 to 100\n";
        return 2;
    }
    const std::string path = cl.positional()[0];
    auto index = CheckpointIndex::open(path);
    if (!index) {
        std::cerr << "mplug2-bench load: " << index.error().message << '\n';
        return 1;
    }
    auto selection = selectModelWeights(*index, true);
    if (!selection) {
        std::cerr << "mplug2-bench load: " << selection.error().message << '\n';
        return 1;
    }
    const auto ranges = keptRanges(*index, *selection);
    std::uint64_t modelBytes = 0, storageBytes = 0;
    for (const auto &r : ranges)
        modelBytes += r.second;
    for (const StoredStorage &s : index->storages())
        storageBytes += s.byteSize;
    const std::uint64_t fileBytes = index->file()->size();
    index = makeError(ErrorCode::Cancelled, "released"); // unmap before evicting

    // Each step runs `repeat` times, interleaved, and reports its median, so
    // that other load on the machine disturbs every step alike.
    std::vector<double> catCold, rawModelCold, listCold, loadCold, catWarm, rawModelWarm, listWarm, loadWarm;
    bool catOk = true;
    std::size_t listed = 0;
    LoadRun cold;
    for (long long round = 0; round < repeat; ++round) {
        evictFromPageCache(path);
        catCold.push_back(seconds([&] { catOk = runCat(path) && catOk; }));
        evictFromPageCache(path);
        rawModelCold.push_back(seconds([&] { preadRanges(path, ranges); }));
        evictFromPageCache(path);
        listCold.push_back(seconds([&] {
            auto listing = CheckpointIndex::open(path);
            listed = listing ? listing->tensors().size() : 0;
        }));
        evictFromPageCache(path);
        cold = loadAndTouch(path);
        if (!cold.error.empty())
            break;
        loadCold.push_back(cold.seconds);
        catWarm.push_back(seconds([&] { catOk = runCat(path) && catOk; }));
        rawModelWarm.push_back(seconds([&] { preadRanges(path, ranges); }));
        listWarm.push_back(seconds([&] { (void)CheckpointIndex::open(path); }));
        loadWarm.push_back(loadAndTouch(path).seconds);
    }
    if (!cold.error.empty() || !catOk) {
        std::cerr << "mplug2-bench load: " << (cold.error.empty() ? "running cat failed" : cold.error)
                  << '\n';
        return 1;
    }
    const long peakRssMiB = statusKiB("VmHWM:") / 1024;
    const std::uint64_t skippedBytes = storageBytes - modelBytes;
    const double catColdS = median(catCold), rawColdS = median(rawModelCold), listColdS = median(listCold);
    const double loadColdS = median(loadCold), catWarmS = median(catWarm), rawWarmS = median(rawModelWarm);
    const double listWarmS = median(listWarm), loadWarmS = median(loadWarm);

    if (cl.has("json")) {
        json::Json out = json::Json::object();
        out["file"] = json::Json(path);
        out["file_bytes"] = json::Json(static_cast<std::int64_t>(fileBytes));
        out["model_bytes"] = json::Json(static_cast<std::int64_t>(modelBytes));
        out["skipped_bytes"] = json::Json(static_cast<std::int64_t>(skippedBytes));
        out["tensors_listed"] = json::Json(static_cast<std::int64_t>(listed));
        out["model_tensors"] = json::Json(static_cast<std::int64_t>(cold.tensors));
        json::Json coldJson = json::Json::object();
        coldJson["cat_file_s"] = json::Json(catColdS);
        coldJson["read_model_bytes_s"] = json::Json(rawColdS);
        coldJson["list_keys_s"] = json::Json(listColdS);
        coldJson["load_model_s"] = json::Json(loadColdS);
        coldJson["skipped_bytes_read"] = json::Json(static_cast<std::int64_t>(cold.skippedResident));
        json::Json warmJson = json::Json::object();
        warmJson["cat_file_s"] = json::Json(catWarmS);
        warmJson["read_model_bytes_s"] = json::Json(rawWarmS);
        warmJson["list_keys_s"] = json::Json(listWarmS);
        warmJson["load_model_s"] = json::Json(loadWarmS);
        out["cold"] = std::move(coldJson);
        out["warm"] = std::move(warmJson);
        out["load_vs_raw_model_read_cold"] = json::Json(loadColdS / rawColdS);
        out["peak_rss_mib"] = json::Json(static_cast<std::int64_t>(peakRssMiB));
        out["repeat"] = json::Json(static_cast<std::int64_t>(repeat));
        std::cout << json::dump(out) << '\n';
        return 0;
    }
    auto mb = [](std::uint64_t b) { return std::to_string(b / 1000000) + " MB"; };
    std::printf("file %s: %s (model weights %s in %zu tensors, skipped %s)\n", path.c_str(),
        mb(fileBytes).c_str(), mb(modelBytes).c_str(), cold.tensors, mb(skippedBytes).c_str());
    std::printf("%-34s %10s %10s   (median of %lld runs)\n", "step", "cold (s)", "warm (s)", repeat);
    std::printf("%-34s %10.3f %10.3f\n", "cat FILE > /dev/null", catColdS, catWarmS);
    std::printf("%-34s %10.3f %10.3f\n", "raw read of the model bytes", rawColdS, rawWarmS);
    std::printf("%-34s %10.3f %10.3f\n", "list keys, shapes, dtypes", listColdS, listWarmS);
    std::printf("%-34s %10.3f %10.3f\n", "load model weights (all touched)", loadColdS, loadWarmS);
    std::printf("load / raw model read: %.2fx cold, %.2fx warm; load / cat: %.2fx cold\n",
        loadColdS / rawColdS, loadWarmS / rawWarmS, loadColdS / catColdS);
    std::printf("skipped tensors read: %s of %s; peak RSS %ld MiB\n", mb(cold.skippedResident).c_str(),
        mb(skippedBytes).c_str(), peakRssMiB);
    return 0;
}

} // namespace mplug2::model
