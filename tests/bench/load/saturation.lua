-- wrk: the saturation mix, 15 lookup-self (env WRK_TOKEN, a plain token) to
-- one create-token (env WRK_ROOT_TOKEN). Counts responses by status class in
-- response(); done() prints "status_2xx N", "status_429 N", "status_other N".
local lookup, create
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    ok, limited, other, n = 0, 0, 0, 0
    lookup = wrk.format("GET", "/v1/auth/token/lookup-self",
                        { ["X-Vault-Token"] = os.getenv("WRK_TOKEN") })
    create = wrk.format("POST", "/v1/auth/token/create",
                        { ["X-Vault-Token"] = os.getenv("WRK_ROOT_TOKEN"),
                          ["Content-Type"] = "application/json" },
                        '{"ttl":"10m","policies":["default"],"display_name":"saturation"}')
end

function request()
    n = n + 1
    if n % 16 == 0 then
        return create
    end
    return lookup
end

function response(status, headers, body)
    if status >= 200 and status < 300 then
        ok = ok + 1
    elseif status == 429 then
        limited = limited + 1
    else
        other = other + 1
        if other <= 3 then
            io.stderr:write("unexpected status " .. status .. ": " .. (body or "") .. "\n")
        end
    end
end

function done(summary, latency, requests)
    local sums = { 0, 0, 0 }
    for _, thread in ipairs(threads) do
        sums[1] = sums[1] + thread:get("ok")
        sums[2] = sums[2] + thread:get("limited")
        sums[3] = sums[3] + thread:get("other")
    end
    io.write(string.format("status_2xx %d\nstatus_429 %d\nstatus_other %d\n",
                           sums[1], sums[2], sums[3]))
end
