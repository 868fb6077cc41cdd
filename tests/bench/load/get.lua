-- wrk: GET one path with an optional X-Vault-Token (env WRK_TOKEN).
-- Used for lookup-self on the API and the static file on nginx / the Qt route.
local token = os.getenv("WRK_TOKEN")
if token and token ~= "" then
    wrk.headers["X-Vault-Token"] = token
end
