// The job runner: one worker, a queue, and a bounded table of statuses.
#include "jobs.hpp"

#include <riskatlas/error.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace riskatlas::server {
namespace {

std::string utc_now() {
    return fmt::format("{:%FT%TZ}", std::chrono::floor<std::chrono::seconds>(
                                        std::chrono::system_clock::now()));
}

} // namespace

nlohmann::json to_json(const job_status& j) {
    nlohmann::json out{{"id", j.id},           {"kind", j.kind},
                       {"state", j.state},     {"stage", j.stage},
                       {"progress", j.progress}, {"created_at", j.created_at},
                       {"href", "/api/jobs/" + j.id}};
    if (!j.started_at.empty())
        out["started_at"] = j.started_at;
    if (!j.finished_at.empty())
        out["finished_at"] = j.finished_at;
    if (j.state == "succeeded")
        out["result"] = j.result;
    if (j.state == "failed")
        out["error"] = {{"code", j.error_code}, {"message", j.error_message}};
    return out;
}

job_runner::job_runner(std::size_t history)
    : m_history(history), m_worker([this] { run(); }) {}

job_runner::~job_runner() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_worker.join();
}

std::string job_runner::submit(const std::string& kind, work_fn work) {
    std::lock_guard lock(m_mutex);
    for (const auto& q : m_queue)
        if (m_jobs.at(q.id).kind == kind)
            return q.id;
    return enqueue(kind, std::move(work));
}

std::string job_runner::submit_unique(const std::string& kind, work_fn work) {
    std::lock_guard lock(m_mutex);
    return enqueue(kind, std::move(work));
}

std::string job_runner::enqueue(const std::string& kind, work_fn work) {
    const auto id = std::to_string(m_next++);
    job_status status;
    status.id = id;
    status.kind = kind;
    status.created_at = utc_now();
    m_jobs[id] = status;
    m_queue.push_back({id, std::move(work)});
    m_wake.notify_one();
    return id;
}

std::optional<job_status> job_runner::status(const std::string& id) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return std::nullopt;
    return it->second;
}

std::vector<job_status> job_runner::list() const {
    std::lock_guard lock(m_mutex);
    std::vector<job_status> out;
    for (const auto& [id, job] : m_jobs)
        out.push_back(job);
    std::ranges::sort(out, [](const auto& a, const auto& b) { return std::stoull(a.id) > std::stoull(b.id); });
    return out;
}

bool job_runner::active(const std::string& kind) const {
    std::lock_guard lock(m_mutex);
    for (const auto& [id, j] : m_jobs)
        if (j.kind == kind && (j.state == "queued" || j.state == "running"))
            return true;
    return false;
}

void job_runner::update(const std::string& id, const std::function<void(job_status&)>& change) {
    std::lock_guard lock(m_mutex);
    change(m_jobs.at(id));
}

void job_runner::run() {
    for (;;) {
        queued_job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
            auto& s = m_jobs.at(job.id);
            s.state = "running";
            s.started_at = utc_now();
        }
        const auto progress = [&](std::string_view stage, double done) {
            update(job.id, [&](job_status& s) {
                s.stage = std::string(stage);
                s.progress = done;
            });
        };
        try {
            auto result = job.work(progress);
            update(job.id, [&](job_status& s) {
                s.state = "succeeded";
                s.progress = 1;
                s.result = std::move(result);
            });
        } catch (const error& e) {
            spdlog::error("job id={} failed code={} message={}", job.id, e.code(), e.what());
            update(job.id, [&](job_status& s) {
                s.state = "failed";
                s.error_code = e.code();
                s.error_message = e.what();
            });
        } catch (const std::exception& e) {
            spdlog::error("job id={} failed message={}", job.id, e.what());
            update(job.id, [&](job_status& s) {
                s.state = "failed";
                s.error_code = "internal_error";
                s.error_message = e.what();
            });
        }
        std::lock_guard lock(m_mutex);
        m_jobs.at(job.id).finished_at = utc_now();
        m_finished.push_back(job.id);
        while (m_finished.size() > m_history) {
            m_jobs.erase(m_finished.front());
            m_finished.pop_front();
        }
    }
}

} // namespace riskatlas::server
