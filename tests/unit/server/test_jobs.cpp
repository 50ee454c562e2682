// The job runner: queued recomputes merge, imports never do.
#include <catch2/catch.hpp>

#include "jobs.hpp"

#include <riskatlas/error.hpp>

#include <chrono>
#include <future>
#include <thread>

using namespace riskatlas::server;

namespace {

// Holds the runner's one worker busy until released, so later jobs stay queued.
struct blocker {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    job_runner::work_fn work() {
        return [f = released](const job_runner::progress_fn&) {
            f.wait();
            return nlohmann::json(nullptr);
        };
    }
};

job_status wait_finished(const job_runner& jobs, const std::string& id) {
    for (int i = 0; i < 500; ++i) {
        const auto s = jobs.status(id);
        if (s && (s->state == "succeeded" || s->state == "failed"))
            return *s;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("job " << id << " did not finish");
    return {};
}

} // namespace

TEST_CASE("queued jobs of one kind merge, unique jobs never do", "[unit][server]") {
    job_runner jobs;
    blocker busy;
    const auto running = jobs.submit("hold", busy.work());
    const auto a = jobs.submit("recompute", [](const auto&) { return nlohmann::json(1); });
    const auto b = jobs.submit("recompute", [](const auto&) { return nlohmann::json(2); });
    CHECK(a == b);
    const auto c = jobs.submit_unique("import", [](const auto&) { return nlohmann::json("c"); });
    const auto d = jobs.submit_unique("import", [](const auto&) { return nlohmann::json("d"); });
    CHECK(c != d);
    CHECK(c != a);
    busy.release.set_value();
    CHECK(wait_finished(jobs, running).state == "succeeded");
    CHECK(wait_finished(jobs, a).result == 1);
    CHECK(wait_finished(jobs, c).result == "c");
    CHECK(wait_finished(jobs, d).result == "d");
    CHECK_FALSE(jobs.active("import"));
}

TEST_CASE("a job that throws a riskatlas error fails with its code", "[unit][server]") {
    job_runner jobs;
    const auto id = jobs.submit_unique("import", [](const auto&) -> nlohmann::json {
        throw riskatlas::invalid_argument("unknown_crs", "the file's CRS is not known");
    });
    const auto s = wait_finished(jobs, id);
    CHECK(s.state == "failed");
    CHECK(s.error_code == "unknown_crs");
    CHECK(s.error_message == "the file's CRS is not known");
}
