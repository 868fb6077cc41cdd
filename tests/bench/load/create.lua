-- wrk: POST /v1/auth/token/create with the root token (env WRK_TOKEN); each
-- request commits one new service token to the store.
wrk.method = "POST"
wrk.path = "/v1/auth/token/create"
wrk.headers["X-Vault-Token"] = os.getenv("WRK_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ttl":"1h","policies":["default"],"display_name":"wrk"}'
