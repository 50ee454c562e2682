// Long work (recomputes now, imports later) runs as jobs on one background thread: a POST answers
// at once with the job's URL, and clients poll its state and progress.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace riskatlas::server {

struct job_status {
    std::string id;
    std::string kind;
    std::string state = "queued"; ///< queued | running | succeeded | failed
    std::string stage;
    double progress = 0; ///< 0..1
    std::string created_at, started_at, finished_at; ///< RFC 3339 UTC, empty until it happens
    nlohmann::json result;  ///< what the work returned, once succeeded
    std::string error_code; ///< once failed
    std::string error_message;
};

nlohmann::json to_json(const job_status& j);

class job_runner {
public:
    using progress_fn = std::function<void(std::string_view stage, double done)>;
    using work_fn = std::function<nlohmann::json(const progress_fn&)>;

    /// Keeps the last `history` finished jobs for polling.
    explicit job_runner(std::size_t history = 100);
    ~job_runner();
    job_runner(const job_runner&) = delete;
    job_runner& operator=(const job_runner&) = delete;

    /// Queues `work`; when a job of the same kind is still queued (not started), returns that
    /// job's id instead: it will see the same inputs, so a second one would do nothing new.
    std::string submit(const std::string& kind, work_fn work);
    /// Queues `work` as a job of its own, never merged with another: each import has its own
    /// file, so two queued imports are two jobs.
    std::string submit_unique(const std::string& kind, work_fn work);
    std::optional<job_status> status(const std::string& id) const;
    /// Newest first.
    std::vector<job_status> list() const;
    /// True while a job of `kind` is queued or running.
    bool active(const std::string& kind) const;

private:
    void run();
    std::string enqueue(const std::string& kind, work_fn work); // m_mutex held
    void update(const std::string& id, const std::function<void(job_status&)>& change);

    struct queued_job {
        std::string id;
        work_fn work;
    };

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<queued_job> m_queue;
    std::map<std::string, job_status> m_jobs;
    std::deque<std::string> m_finished; ///< oldest first, trimmed to m_history
    std::size_t m_history;
    std::uint64_t m_next = 1;
    bool m_stopping = false;
    std::thread m_worker; ///< last: starts after everything it uses exists
};

} // namespace riskatlas::server
