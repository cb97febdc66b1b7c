package parser

// This file is plain data extracted from the ngx_command_t arrays of the
// nginx sources (git tags release-1.22.1 and HEAD). Each spec mirrors one
// ngx_command_t: the contexts of its NGX_*_CONF flags, its NGX_CONF_*
// argument flags, NGX_CONF_BLOCK, and the context of its block body.

// directiveTable lists every directive of nginx 1.22.1 (tag release-1.22.1),
// taken from the ngx_command_t arrays of src/core (core module, errlog,
// regex, thread_pool, and ngx_conf_file.c's "include"), src/event (events
// block, event core, epoll/kqueue/devpoll/eventport/iocp, ssl_engine),
// src/misc (google_perftools), src/http (core, upstream, v2, every module
// in src/http/modules including perl), src/stream and src/mail.
//
// Entries guarded by #if in the nginx sources (NGX_HTTP_SSL, NGX_HTTP_CACHE,
// NGX_HTTP_GZIP, NGX_STREAM_SSL, NGX_HAVE_OPENAT) are included as if the
// feature were compiled in; the guard is noted in the comment.
//
// A name with several entries (http "server" and upstream "server", http
// and stream "proxy_pass", ...) is listed by family (core, conf, event, http,
// stream, mail). The entries of one name never share a context (checked by
// TestDirectiveTableDisjoint), so the first-match-wins order of nginx's
// module list cannot change the result.
//
// 605 directive names, 711 entries.
var directiveTable = map[string][]spec{
	"absolute_redirect":  {{ctx: inHTTP | inServer | inLocation, args: argFlag}}, // ngx_http_core_module
	"accept_mutex":       {{ctx: inEvents, args: argFlag}},                       // ngx_event_core_module
	"accept_mutex_delay": {{ctx: inEvents, args: argTake1}},                      // ngx_event_core_module
	"acceptex_read":      {{ctx: inEvents, args: argFlag}},                       // ngx_iocp_module
	"access_log": {
		{ctx: inHTTP | inServer | inLocation | inLocationIf | inLimitExcept, args: arg1More}, // ngx_http_log_module
		{ctx: inStream | inStreamServer, args: arg1More},                                     // ngx_stream_log_module
	},
	"add_after_body":  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_addition_filter_module
	"add_before_body": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_addition_filter_module
	"add_header":      {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake23}}, // ngx_http_headers_filter_module
	"add_trailer":     {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake23}}, // ngx_http_headers_filter_module
	"addition_types":  {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_addition_filter_module
	"aio":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_core_module
	"aio_write":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_core_module
	"alias":           {{ctx: inLocation, args: argTake1}},                                     // ngx_http_core_module
	"allow": {
		{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}, // ngx_http_access_module
		{ctx: inStream | inStreamServer, args: argTake1},                      // ngx_stream_access_module
	},
	"ancient_browser":              {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                     // ngx_http_browser_module
	"ancient_browser_value":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_browser_module
	"auth_basic":                   {{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}},     // ngx_http_auth_basic_module
	"auth_basic_user_file":         {{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}},     // ngx_http_auth_basic_module
	"auth_delay":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_core_module
	"auth_http":                    {{ctx: inMail | inMailServer, args: argTake1}},                              // ngx_mail_auth_http_module
	"auth_http_header":             {{ctx: inMail | inMailServer, args: argTake2}},                              // ngx_mail_auth_http_module
	"auth_http_pass_client_cert":   {{ctx: inMail | inMailServer, args: argFlag}},                               // ngx_mail_auth_http_module
	"auth_http_timeout":            {{ctx: inMail | inMailServer, args: argTake1}},                              // ngx_mail_auth_http_module
	"auth_request":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_auth_request_module
	"auth_request_set":             {{ctx: inHTTP | inServer | inLocation, args: argTake2}},                     // ngx_http_auth_request_module
	"autoindex":                    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_autoindex_module
	"autoindex_exact_size":         {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_autoindex_module
	"autoindex_format":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_autoindex_module
	"autoindex_localtime":          {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_autoindex_module
	"break":                        {{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argNoArgs}}, // ngx_http_rewrite_module
	"charset":                      {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}},      // ngx_http_charset_filter_module
	"charset_map":                  {{ctx: inHTTP, args: argTake2, block: true, child: CtxCustom}},              // ngx_http_charset_filter_module
	"charset_types":                {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                     // ngx_http_charset_filter_module
	"chunked_transfer_encoding":    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_core_module
	"client_body_buffer_size":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_core_module
	"client_body_in_file_only":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_core_module
	"client_body_in_single_buffer": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_core_module
	"client_body_temp_path":        {{ctx: inHTTP | inServer | inLocation, args: argTake1234}},                  // ngx_http_core_module
	"client_body_timeout":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_core_module
	"client_header_buffer_size":    {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_core_module
	"client_header_timeout":        {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_core_module
	"client_max_body_size":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_core_module
	"connection_pool_size":         {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_core_module
	"create_full_put_path":         {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_dav_module
	"daemon":                       {{ctx: inMain, args: argFlag}},                                              // ngx_core_module
	"dav_access":                   {{ctx: inHTTP | inServer | inLocation, args: argTake123}},                   // ngx_http_dav_module
	"dav_methods":                  {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                     // ngx_http_dav_module
	"debug_connection":             {{ctx: inEvents, args: argTake1}},                                           // ngx_event_core_module
	"debug_points":                 {{ctx: inMain, args: argTake1}},                                             // ngx_core_module
	"default_type":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_core_module
	"degradation":                  {{ctx: inHTTP, args: argTake1}},                                             // ngx_http_degradation_module
	"degrade":                      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_degradation_module
	"deny": {
		{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}, // ngx_http_access_module
		{ctx: inStream | inStreamServer, args: argTake1},                      // ngx_stream_access_module
	},
	"devpoll_changes":    {{ctx: inEvents, args: argTake1}},                        // ngx_devpoll_module
	"devpoll_events":     {{ctx: inEvents, args: argTake1}},                        // ngx_devpoll_module
	"directio":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_core_module
	"directio_alignment": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_core_module
	"disable_symlinks":   {{ctx: inHTTP | inServer | inLocation, args: argTake12}}, // ngx_http_core_module #if (NGX_HAVE_OPENAT)
	"empty_gif":          {{ctx: inLocation, args: argNoArgs}},                     // ngx_http_empty_gif_module
	"env":                {{ctx: inMain, args: argTake1}},                          // ngx_core_module
	"epoll_events":       {{ctx: inEvents, args: argTake1}},                        // ngx_epoll_module
	"error_log": {
		{ctx: inMain, args: arg1More},                         // ngx_errlog_module
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: arg1More},      // ngx_stream_core_module
		{ctx: inMail | inMailServer, args: arg1More},          // ngx_mail_core_module
	},
	"error_page":                      {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: arg2More}},  // ngx_http_core_module
	"etag":                            {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_core_module
	"eventport_events":                {{ctx: inEvents, args: argTake1}},                                       // ngx_eventport_module
	"events":                          {{ctx: inMain, args: argNoArgs, block: true, child: CtxEvents}},         // ngx_events_module
	"expires":                         {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake12}}, // ngx_http_headers_filter_module
	"fastcgi_bind":                    {{ctx: inHTTP | inServer | inLocation, args: argTake12}},                // ngx_http_fastcgi_module
	"fastcgi_buffer_size":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_buffering":               {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_buffers":                 {{ctx: inHTTP | inServer | inLocation, args: argTake2}},                 // ngx_http_fastcgi_module
	"fastcgi_busy_buffers_size":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_cache":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_background_update": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_bypass":            {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_key":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_lock":              {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_lock_age":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_lock_timeout":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_max_range_offset":  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_methods":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_min_uses":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_path":              {{ctx: inHTTP, args: arg2More}},                                         // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_revalidate":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_use_stale":         {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_cache_valid":             {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_catch_stderr":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_connect_timeout":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_force_ranges":            {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_hide_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_ignore_client_abort":     {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_ignore_headers":          {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_fastcgi_module
	"fastcgi_index":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_intercept_errors":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_keep_conn":               {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_limit_rate":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_max_temp_file_size":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_next_upstream":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_fastcgi_module
	"fastcgi_next_upstream_timeout":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_next_upstream_tries":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_no_cache":                {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                 // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	"fastcgi_param":                   {{ctx: inHTTP | inServer | inLocation, args: argTake23}},                // ngx_http_fastcgi_module
	"fastcgi_pass":                    {{ctx: inLocation | inLocationIf, args: argTake1}},                      // ngx_http_fastcgi_module
	"fastcgi_pass_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_pass_request_body":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_pass_request_headers":    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_read_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_request_buffering":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_send_lowat":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_send_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_socket_keepalive":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_fastcgi_module
	"fastcgi_split_path_info":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_store":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_store_access":            {{ctx: inHTTP | inServer | inLocation, args: argTake123}},               // ngx_http_fastcgi_module
	"fastcgi_temp_file_write_size":    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_fastcgi_module
	"fastcgi_temp_path":               {{ctx: inHTTP | inServer | inLocation, args: argTake1234}},              // ngx_http_fastcgi_module
	"flv":                             {{ctx: inLocation, args: argNoArgs}},                                    // ngx_http_flv_module
	"geo": {
		{ctx: inHTTP, args: argTake12, block: true, child: CtxCustom},   // ngx_http_geo_module
		{ctx: inStream, args: argTake12, block: true, child: CtxCustom}, // ngx_stream_geo_module
	},
	"geoip_city": {
		{ctx: inHTTP, args: argTake12},   // ngx_http_geoip_module
		{ctx: inStream, args: argTake12}, // ngx_stream_geoip_module
	},
	"geoip_country": {
		{ctx: inHTTP, args: argTake12},   // ngx_http_geoip_module
		{ctx: inStream, args: argTake12}, // ngx_stream_geoip_module
	},
	"geoip_org": {
		{ctx: inHTTP, args: argTake12},   // ngx_http_geoip_module
		{ctx: inStream, args: argTake12}, // ngx_stream_geoip_module
	},
	"geoip_proxy":                  {{ctx: inHTTP, args: argTake1}},                                       // ngx_http_geoip_module
	"geoip_proxy_recursive":        {{ctx: inHTTP, args: argFlag}},                                        // ngx_http_geoip_module
	"google_perftools_profiles":    {{ctx: inMain, args: argTake1}},                                       // ngx_google_perftools_module
	"grpc_bind":                    {{ctx: inHTTP | inServer | inLocation, args: argTake12}},              // ngx_http_grpc_module
	"grpc_buffer_size":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_connect_timeout":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_hide_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_ignore_headers":          {{ctx: inHTTP | inServer | inLocation, args: arg1More}},               // ngx_http_grpc_module
	"grpc_intercept_errors":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_grpc_module
	"grpc_next_upstream":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},               // ngx_http_grpc_module
	"grpc_next_upstream_timeout":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_next_upstream_tries":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_pass":                    {{ctx: inLocation | inLocationIf, args: argTake1}},                    // ngx_http_grpc_module
	"grpc_pass_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_read_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_send_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module
	"grpc_set_header":              {{ctx: inHTTP | inServer | inLocation, args: argTake2}},               // ngx_http_grpc_module
	"grpc_socket_keepalive":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_grpc_module
	"grpc_ssl_certificate":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_certificate_key":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_ciphers":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_conf_command":        {{ctx: inHTTP | inServer | inLocation, args: argTake2}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_crl":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_name":                {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_password_file":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_protocols":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_server_name":         {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_session_reuse":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_trusted_certificate": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_verify":              {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"grpc_ssl_verify_depth":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	"gunzip":                       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_gunzip_filter_module
	"gunzip_buffers":               {{ctx: inHTTP | inServer | inLocation, args: argTake2}},               // ngx_http_gunzip_filter_module
	"gzip":                         {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}}, // ngx_http_gzip_filter_module
	"gzip_buffers":                 {{ctx: inHTTP | inServer | inLocation, args: argTake2}},               // ngx_http_gzip_filter_module
	"gzip_comp_level":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_gzip_filter_module
	"gzip_disable":                 {{ctx: inHTTP | inServer | inLocation, args: arg1More}},               // ngx_http_core_module #if (NGX_HTTP_GZIP)
	"gzip_hash":                    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_gzip_filter_module
	"gzip_http_version":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_core_module #if (NGX_HTTP_GZIP)
	"gzip_min_length":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_gzip_filter_module
	"gzip_no_buffer":               {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_gzip_filter_module
	"gzip_proxied":                 {{ctx: inHTTP | inServer | inLocation, args: arg1More}},               // ngx_http_core_module #if (NGX_HTTP_GZIP)
	"gzip_static":                  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_gzip_static_module
	"gzip_types":                   {{ctx: inHTTP | inServer | inLocation, args: arg1More}},               // ngx_http_gzip_filter_module
	"gzip_vary":                    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_core_module #if (NGX_HTTP_GZIP)
	"gzip_window":                  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_gzip_filter_module
	"hash": {
		{ctx: inUpstream, args: argTake12},       // ngx_http_upstream_hash_module
		{ctx: inStreamUpstream, args: argTake12}, // ngx_stream_upstream_hash_module
	},
	"http":                         {{ctx: inMain, args: argNoArgs, block: true, child: CtxHTTP}},               // ngx_http_module
	"http2_body_preread_size":      {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_chunk_size":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_v2_module
	"http2_idle_timeout":           {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_max_concurrent_pushes":  {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_max_concurrent_streams": {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_max_field_size":         {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_max_header_size":        {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_max_requests":           {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_pool_size":              {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_push":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_v2_module
	"http2_push_preload":           {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_v2_module
	"http2_recv_buffer_size":       {{ctx: inHTTP, args: argTake1}},                                             // ngx_http_v2_module
	"http2_recv_timeout":           {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"http2_streams_index_size":     {{ctx: inHTTP | inServer, args: argTake1}},                                  // ngx_http_v2_module
	"if":                           {{ctx: inServer | inLocation, args: arg1More, block: true, child: childIf}}, // ngx_http_rewrite_module
	"if_modified_since":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_core_module
	"ignore_invalid_headers":       {{ctx: inHTTP | inServer, args: argFlag}},                                   // ngx_http_core_module
	"image_filter":                 {{ctx: inLocation, args: argTake123}},                                       // ngx_http_image_filter_module
	"image_filter_buffer":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_image_filter_module
	"image_filter_interlace":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_image_filter_module
	"image_filter_jpeg_quality":    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_image_filter_module
	"image_filter_sharpen":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_image_filter_module
	"image_filter_transparency":    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                      // ngx_http_image_filter_module
	"image_filter_webp_quality":    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                     // ngx_http_image_filter_module
	"imap_auth":                    {{ctx: inMail | inMailServer, args: arg1More}},                              // ngx_mail_imap_module
	"imap_capabilities":            {{ctx: inMail | inMailServer, args: arg1More}},                              // ngx_mail_imap_module
	"imap_client_buffer":           {{ctx: inMail | inMailServer, args: argTake1}},                              // ngx_mail_imap_module
	"include":                      {{ctx: inAny, args: argTake1}},                                              // ngx_conf_module
	"index":                        {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                     // ngx_http_index_module
	"internal":                     {{ctx: inLocation, args: argNoArgs}},                                        // ngx_http_core_module
	"iocp_threads":                 {{ctx: inEvents, args: argTake1}},                                           // ngx_iocp_module
	"ip_hash":                      {{ctx: inUpstream, args: argNoArgs}},                                        // ngx_http_upstream_ip_hash_module
	"keepalive":                    {{ctx: inUpstream, args: argTake1}},                                         // ngx_http_upstream_keepalive_module
	"keepalive_disable":            {{ctx: inHTTP | inServer | inLocation, args: argTake12}},                    // ngx_http_core_module
	"keepalive_requests": {
		{ctx: inUpstream, args: argTake1},                     // ngx_http_upstream_keepalive_module
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_core_module
	},
	"keepalive_time": {
		{ctx: inUpstream, args: argTake1},                     // ngx_http_upstream_keepalive_module
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_core_module
	},
	"keepalive_timeout": {
		{ctx: inUpstream, args: argTake1},                      // ngx_http_upstream_keepalive_module
		{ctx: inHTTP | inServer | inLocation, args: argTake12}, // ngx_http_core_module
	},
	"kqueue_changes":              {{ctx: inEvents, args: argTake1}},          // ngx_kqueue_module
	"kqueue_events":               {{ctx: inEvents, args: argTake1}},          // ngx_kqueue_module
	"large_client_header_buffers": {{ctx: inHTTP | inServer, args: argTake2}}, // ngx_http_core_module
	"least_conn": {
		{ctx: inUpstream, args: argNoArgs},       // ngx_http_upstream_least_conn_module
		{ctx: inStreamUpstream, args: argNoArgs}, // ngx_stream_upstream_least_conn_module
	},
	"limit_conn": {
		{ctx: inHTTP | inServer | inLocation, args: argTake2}, // ngx_http_limit_conn_module
		{ctx: inStream | inStreamServer, args: argTake2},      // ngx_stream_limit_conn_module
	},
	"limit_conn_dry_run": {
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_limit_conn_module
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_limit_conn_module
	},
	"limit_conn_log_level": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_limit_conn_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_limit_conn_module
	},
	"limit_conn_status": {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_limit_conn_module
	"limit_conn_zone": {
		{ctx: inHTTP, args: argTake2},   // ngx_http_limit_conn_module
		{ctx: inStream, args: argTake2}, // ngx_stream_limit_conn_module
	},
	"limit_except":        {{ctx: inLocation, args: arg1More, block: true, child: CtxLimitExcept}}, // ngx_http_core_module
	"limit_rate":          {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}},  // ngx_http_core_module
	"limit_rate_after":    {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}},  // ngx_http_core_module
	"limit_req":           {{ctx: inHTTP | inServer | inLocation, args: argTake123}},               // ngx_http_limit_req_module
	"limit_req_dry_run":   {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                  // ngx_http_limit_req_module
	"limit_req_log_level": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_limit_req_module
	"limit_req_status":    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_limit_req_module
	"limit_req_zone":      {{ctx: inHTTP, args: argTake3}},                                         // ngx_http_limit_req_module
	"lingering_close":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_core_module
	"lingering_time":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_core_module
	"lingering_timeout":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                 // ngx_http_core_module
	"listen": {
		{ctx: inServer, args: arg1More},       // ngx_http_core_module
		{ctx: inStreamServer, args: arg1More}, // ngx_stream_core_module
		{ctx: inMailServer, args: arg1More},   // ngx_mail_core_module
	},
	"load_module": {{ctx: inMain, args: argTake1}},                                                  // ngx_core_module
	"location":    {{ctx: inServer | inLocation, args: argTake12, block: true, child: CtxLocation}}, // ngx_http_core_module
	"lock_file":   {{ctx: inMain, args: argTake1}},                                                  // ngx_core_module
	"log_format": {
		{ctx: inHTTP, args: arg2More},   // ngx_http_log_module
		{ctx: inStream, args: arg2More}, // ngx_stream_log_module
	},
	"log_not_found":  {{ctx: inHTTP | inServer | inLocation, args: argFlag}},        // ngx_http_core_module
	"log_subrequest": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},        // ngx_http_core_module
	"mail":           {{ctx: inMain, args: argNoArgs, block: true, child: CtxMail}}, // ngx_mail_module
	"map": {
		{ctx: inHTTP, args: argTake2, block: true, child: CtxCustom},   // ngx_http_map_module
		{ctx: inStream, args: argTake2, block: true, child: CtxCustom}, // ngx_stream_map_module
	},
	"map_hash_bucket_size": {
		{ctx: inHTTP, args: argTake1},   // ngx_http_map_module
		{ctx: inStream, args: argTake1}, // ngx_stream_map_module
	},
	"map_hash_max_size": {
		{ctx: inHTTP, args: argTake1},   // ngx_http_map_module
		{ctx: inStream, args: argTake1}, // ngx_stream_map_module
	},
	"master_process":                  {{ctx: inMain, args: argFlag}},                           // ngx_core_module
	"max_errors":                      {{ctx: inMail | inMailServer, args: argTake1}},           // ngx_mail_core_module
	"max_ranges":                      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_core_module
	"memcached_bind":                  {{ctx: inHTTP | inServer | inLocation, args: argTake12}}, // ngx_http_memcached_module
	"memcached_buffer_size":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_memcached_module
	"memcached_connect_timeout":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_memcached_module
	"memcached_gzip_flag":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_memcached_module
	"memcached_next_upstream":         {{ctx: inHTTP | inServer | inLocation, args: arg1More}},  // ngx_http_memcached_module
	"memcached_next_upstream_timeout": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_memcached_module
	"memcached_next_upstream_tries":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_memcached_module
	"memcached_pass":                  {{ctx: inLocation | inLocationIf, args: argTake1}},       // ngx_http_memcached_module
	"memcached_read_timeout":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_memcached_module
	"memcached_send_timeout":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_memcached_module
	"memcached_socket_keepalive":      {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_memcached_module
	"merge_slashes":                   {{ctx: inHTTP | inServer, args: argFlag}},                // ngx_http_core_module
	"min_delete_depth":                {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_dav_module
	"mirror":                          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_mirror_module
	"mirror_request_body":             {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_mirror_module
	"modern_browser":                  {{ctx: inHTTP | inServer | inLocation, args: argTake12}}, // ngx_http_browser_module
	"modern_browser_value":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_browser_module
	"mp4":                             {{ctx: inLocation, args: argNoArgs}},                     // ngx_http_mp4_module
	"mp4_buffer_size":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_mp4_module
	"mp4_max_buffer_size":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_mp4_module
	"mp4_start_key_frame":             {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_mp4_module
	"msie_padding":                    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_core_module
	"msie_refresh":                    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_core_module
	"multi_accept":                    {{ctx: inEvents, args: argFlag}},                         // ngx_event_core_module
	"open_file_cache":                 {{ctx: inHTTP | inServer | inLocation, args: argTake12}}, // ngx_http_core_module
	"open_file_cache_errors":          {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_core_module
	"open_file_cache_events":          {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_core_module
	"open_file_cache_min_uses":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_core_module
	"open_file_cache_valid":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_core_module
	"open_log_file_cache": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1234}, // ngx_http_log_module
		{ctx: inStream | inStreamServer, args: argTake1234},      // ngx_stream_log_module
	},
	"output_buffers":      {{ctx: inHTTP | inServer | inLocation, args: argTake2}},                // ngx_http_copy_filter_module
	"override_charset":    {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}},  // ngx_http_charset_filter_module
	"pcre_jit":            {{ctx: inMain, args: argFlag}},                                         // ngx_regex_module
	"perl":                {{ctx: inLocation | inLimitExcept, args: argTake1}},                    // ngx_http_perl_module
	"perl_modules":        {{ctx: inHTTP, args: argTake1}},                                        // ngx_http_perl_module
	"perl_require":        {{ctx: inHTTP, args: argTake1}},                                        // ngx_http_perl_module
	"perl_set":            {{ctx: inHTTP, args: argTake2}},                                        // ngx_http_perl_module
	"pid":                 {{ctx: inMain, args: argTake1}},                                        // ngx_core_module
	"pop3_auth":           {{ctx: inMail | inMailServer, args: arg1More}},                         // ngx_mail_pop3_module
	"pop3_capabilities":   {{ctx: inMail | inMailServer, args: arg1More}},                         // ngx_mail_pop3_module
	"port_in_redirect":    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                 // ngx_http_core_module
	"post_acceptex":       {{ctx: inEvents, args: argTake1}},                                      // ngx_iocp_module
	"post_action":         {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}, // ngx_http_core_module
	"postpone_gzipping":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_gzip_filter_module
	"postpone_output":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_core_module
	"preread_buffer_size": {{ctx: inStream | inStreamServer, args: argTake1}},                     // ngx_stream_core_module
	"preread_timeout":     {{ctx: inStream | inStreamServer, args: argTake1}},                     // ngx_stream_core_module
	"protocol":            {{ctx: inMailServer, args: argTake1}},                                  // ngx_mail_core_module
	"proxy":               {{ctx: inMail | inMailServer, args: argFlag}},                          // ngx_mail_proxy_module
	"proxy_bind": {
		{ctx: inHTTP | inServer | inLocation, args: argTake12}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake12},      // ngx_stream_proxy_module
	},
	"proxy_buffer": {{ctx: inMail | inMailServer, args: argTake1}}, // ngx_mail_proxy_module
	"proxy_buffer_size": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	},
	"proxy_buffering":               {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_proxy_module
	"proxy_buffers":                 {{ctx: inHTTP | inServer | inLocation, args: argTake2}}, // ngx_http_proxy_module
	"proxy_busy_buffers_size":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module
	"proxy_cache":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_background_update": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_bypass":            {{ctx: inHTTP | inServer | inLocation, args: arg1More}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_convert_head":      {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_key":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_lock":              {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_lock_age":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_lock_timeout":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_max_range_offset":  {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_methods":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_min_uses":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_path":              {{ctx: inHTTP, args: arg2More}},                         // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_revalidate":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_use_stale":         {{ctx: inHTTP | inServer | inLocation, args: arg1More}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_cache_valid":             {{ctx: inHTTP | inServer | inLocation, args: arg1More}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_connect_timeout": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	},
	"proxy_cookie_domain":            {{ctx: inHTTP | inServer | inLocation, args: argTake12}},   // ngx_http_proxy_module
	"proxy_cookie_flags":             {{ctx: inHTTP | inServer | inLocation, args: argTake1234}}, // ngx_http_proxy_module
	"proxy_cookie_path":              {{ctx: inHTTP | inServer | inLocation, args: argTake12}},   // ngx_http_proxy_module
	"proxy_download_rate":            {{ctx: inStream | inStreamServer, args: argTake1}},         // ngx_stream_proxy_module
	"proxy_downstream_buffer":        {{ctx: inStream | inStreamServer, args: argTake1}},         // ngx_stream_proxy_module
	"proxy_force_ranges":             {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_proxy_module
	"proxy_half_close":               {{ctx: inStream | inStreamServer, args: argFlag}},          // ngx_stream_proxy_module
	"proxy_headers_hash_bucket_size": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_headers_hash_max_size":    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_hide_header":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_http_version":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_ignore_client_abort":      {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_proxy_module
	"proxy_ignore_headers":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_proxy_module
	"proxy_intercept_errors":         {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_proxy_module
	"proxy_limit_rate":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_max_temp_file_size":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_method":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_next_upstream": {
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argFlag},       // ngx_stream_proxy_module
	},
	"proxy_next_upstream_timeout": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	},
	"proxy_next_upstream_tries": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	},
	"proxy_no_cache": {{ctx: inHTTP | inServer | inLocation, args: arg1More}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	"proxy_pass": {
		{ctx: inLocation | inLocationIf | inLimitExcept, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStreamServer, args: argTake1},                            // ngx_stream_proxy_module
	},
	"proxy_pass_error_message":   {{ctx: inMail | inMailServer, args: argFlag}},           // ngx_mail_proxy_module
	"proxy_pass_header":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_proxy_module
	"proxy_pass_request_body":    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_proxy_module
	"proxy_pass_request_headers": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_proxy_module
	"proxy_protocol": {
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_proxy_module
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_proxy_module
	},
	"proxy_protocol_timeout":  {{ctx: inStream | inStreamServer, args: argTake1}},       // ngx_stream_core_module
	"proxy_read_timeout":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_proxy_module
	"proxy_redirect":          {{ctx: inHTTP | inServer | inLocation, args: argTake12}}, // ngx_http_proxy_module
	"proxy_request_buffering": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},   // ngx_http_proxy_module
	"proxy_requests":          {{ctx: inStream | inStreamServer, args: argTake1}},       // ngx_stream_proxy_module
	"proxy_responses":         {{ctx: inStream | inStreamServer, args: argTake1}},       // ngx_stream_proxy_module
	"proxy_send_lowat":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_proxy_module
	"proxy_send_timeout":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_proxy_module
	"proxy_set_body":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},  // ngx_http_proxy_module
	"proxy_set_header":        {{ctx: inHTTP | inServer | inLocation, args: argTake2}},  // ngx_http_proxy_module
	"proxy_smtp_auth":         {{ctx: inMail | inMailServer, args: argFlag}},            // ngx_mail_proxy_module
	"proxy_socket_keepalive": {
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module
	},
	"proxy_ssl": {{ctx: inStream | inStreamServer, args: argFlag}}, // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	"proxy_ssl_certificate": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_certificate_key": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_ciphers": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_conf_command": {
		{ctx: inHTTP | inServer | inLocation, args: argTake2}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake2},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_crl": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_name": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_password_file": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_protocols": {
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: arg1More},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_server_name": {
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_session_reuse": {
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_trusted_certificate": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_verify": {
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_ssl_verify_depth": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	},
	"proxy_store":                {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_store_access":         {{ctx: inHTTP | inServer | inLocation, args: argTake123}},  // ngx_http_proxy_module
	"proxy_temp_file_write_size": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_proxy_module
	"proxy_temp_path":            {{ctx: inHTTP | inServer | inLocation, args: argTake1234}}, // ngx_http_proxy_module
	"proxy_timeout": {
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_proxy_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_proxy_module
	},
	"proxy_upload_rate":     {{ctx: inStream | inStreamServer, args: argTake1}}, // ngx_stream_proxy_module
	"proxy_upstream_buffer": {{ctx: inStream | inStreamServer, args: argTake1}}, // ngx_stream_proxy_module
	"random": {
		{ctx: inUpstream, args: argNoArgs | argTake12},       // ngx_http_upstream_random_module
		{ctx: inStreamUpstream, args: argNoArgs | argTake12}, // ngx_stream_upstream_random_module
	},
	"random_index":              {{ctx: inLocation, args: argFlag}},                      // ngx_http_random_index_module
	"read_ahead":                {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_core_module
	"real_ip_header":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_realip_module
	"real_ip_recursive":         {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_realip_module
	"recursive_error_pages":     {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_core_module
	"referer_hash_bucket_size":  {{ctx: inServer | inLocation, args: argTake1}},          // ngx_http_referer_module
	"referer_hash_max_size":     {{ctx: inServer | inLocation, args: argTake1}},          // ngx_http_referer_module
	"request_pool_size":         {{ctx: inHTTP | inServer, args: argTake1}},              // ngx_http_core_module
	"reset_timedout_connection": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_core_module
	"resolver": {
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: arg1More},      // ngx_stream_core_module
		{ctx: inMail | inMailServer, args: arg1More},          // ngx_mail_core_module
	},
	"resolver_timeout": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_core_module
		{ctx: inMail | inMailServer, args: argTake1},          // ngx_mail_core_module
	},
	"return": {
		{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argTake12}, // ngx_http_rewrite_module
		{ctx: inStreamServer, args: argTake1},                                     // ngx_stream_return_module
	},
	"rewrite":                      {{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argTake23}},        // ngx_http_rewrite_module
	"rewrite_log":                  {{ctx: inHTTP | inServer | inServerIf | inLocation | inLocationIf, args: argFlag}}, // ngx_http_rewrite_module
	"root":                         {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}},             // ngx_http_core_module
	"satisfy":                      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_core_module
	"scgi_bind":                    {{ctx: inHTTP | inServer | inLocation, args: argTake12}},                           // ngx_http_scgi_module
	"scgi_buffer_size":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_buffering":               {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_buffers":                 {{ctx: inHTTP | inServer | inLocation, args: argTake2}},                            // ngx_http_scgi_module
	"scgi_busy_buffers_size":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_cache":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_background_update": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_bypass":            {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_key":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_lock":              {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_lock_age":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_lock_timeout":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_max_range_offset":  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_methods":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_min_uses":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_path":              {{ctx: inHTTP, args: arg2More}},                                                    // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_revalidate":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_use_stale":         {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_cache_valid":             {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_connect_timeout":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_force_ranges":            {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_hide_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_ignore_client_abort":     {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_ignore_headers":          {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                            // ngx_http_scgi_module
	"scgi_intercept_errors":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_limit_rate":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_max_temp_file_size":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_next_upstream":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                            // ngx_http_scgi_module
	"scgi_next_upstream_timeout":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_next_upstream_tries":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_no_cache":                {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	"scgi_param":                   {{ctx: inHTTP | inServer | inLocation, args: argTake23}},                           // ngx_http_scgi_module
	"scgi_pass":                    {{ctx: inLocation | inLocationIf, args: argTake1}},                                 // ngx_http_scgi_module
	"scgi_pass_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_pass_request_body":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_pass_request_headers":    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_read_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_request_buffering":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_send_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_socket_keepalive":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                             // ngx_http_scgi_module
	"scgi_store":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_store_access":            {{ctx: inHTTP | inServer | inLocation, args: argTake123}},                          // ngx_http_scgi_module
	"scgi_temp_file_write_size":    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_scgi_module
	"scgi_temp_path":               {{ctx: inHTTP | inServer | inLocation, args: argTake1234}},                         // ngx_http_scgi_module
	"secure_link":                  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_secure_link_module
	"secure_link_md5":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_secure_link_module
	"secure_link_secret":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_secure_link_module
	"send_lowat":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_core_module
	"send_timeout":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_core_module
	"sendfile":                     {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}},              // ngx_http_core_module
	"sendfile_max_chunk":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                            // ngx_http_core_module
	"server": {
		{ctx: inHTTP, args: argNoArgs, block: true, child: CtxServer},         // ngx_http_core_module
		{ctx: inUpstream, args: arg1More},                                     // ngx_http_upstream_module
		{ctx: inStream, args: argNoArgs, block: true, child: CtxStreamServer}, // ngx_stream_core_module
		{ctx: inStreamUpstream, args: arg1More},                               // ngx_stream_upstream_module
		{ctx: inMail, args: argNoArgs, block: true, child: CtxMailServer},     // ngx_mail_core_module
	},
	"server_name": {
		{ctx: inServer, args: arg1More},              // ngx_http_core_module
		{ctx: inMail | inMailServer, args: argTake1}, // ngx_mail_core_module
	},
	"server_name_in_redirect":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_core_module
	"server_names_hash_bucket_size": {{ctx: inHTTP, args: argTake1}},                         // ngx_http_core_module
	"server_names_hash_max_size":    {{ctx: inHTTP, args: argTake1}},                         // ngx_http_core_module
	"server_tokens":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_core_module
	"set": {
		{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argTake2}, // ngx_http_rewrite_module
		{ctx: inStreamServer, args: argTake2},                                    // ngx_stream_set_module
	},
	"set_real_ip_from": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_realip_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_realip_module
		{ctx: inMail | inMailServer, args: argTake1},          // ngx_mail_realip_module
	},
	"slice":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_slice_filter_module
	"smtp_auth":           {{ctx: inMail | inMailServer, args: arg1More}},                         // ngx_mail_smtp_module
	"smtp_capabilities":   {{ctx: inMail | inMailServer, args: arg1More}},                         // ngx_mail_smtp_module
	"smtp_client_buffer":  {{ctx: inMail | inMailServer, args: argTake1}},                         // ngx_mail_smtp_module
	"smtp_greeting_delay": {{ctx: inMail | inMailServer, args: argTake1}},                         // ngx_mail_smtp_module
	"source_charset":      {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}, // ngx_http_charset_filter_module
	"split_clients": {
		{ctx: inHTTP, args: argTake2, block: true, child: CtxCustom},   // ngx_http_split_clients_module
		{ctx: inStream, args: argTake2, block: true, child: CtxCustom}, // ngx_stream_split_clients_module
	},
	"ssi":                         {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}}, // ngx_http_ssi_filter_module
	"ssi_ignore_recycled_buffers": {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_ssi_filter_module
	"ssi_last_modified":           {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_ssi_filter_module
	"ssi_min_file_chunk":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_ssi_filter_module
	"ssi_silent_errors":           {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                // ngx_http_ssi_filter_module
	"ssi_types":                   {{ctx: inHTTP | inServer | inLocation, args: arg1More}},               // ngx_http_ssi_filter_module
	"ssi_value_length":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},               // ngx_http_ssi_filter_module
	"ssl": {
		{ctx: inHTTP | inServer, args: argFlag},     // ngx_http_ssl_module
		{ctx: inMail | inMailServer, args: argFlag}, // ngx_mail_ssl_module
	},
	"ssl_alpn":        {{ctx: inStream | inStreamServer, args: arg1More}}, // ngx_stream_ssl_module
	"ssl_buffer_size": {{ctx: inHTTP | inServer, args: argTake1}},         // ngx_http_ssl_module
	"ssl_certificate": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_certificate_key": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_ciphers": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_client_certificate": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_conf_command": {
		{ctx: inHTTP | inServer, args: argTake2},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake2}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake2},     // ngx_mail_ssl_module
	},
	"ssl_crl": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_dhparam": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_early_data": {{ctx: inHTTP | inServer, args: argFlag}}, // ngx_http_ssl_module
	"ssl_ecdh_curve": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_engine":            {{ctx: inMain, args: argTake1}},                    // ngx_openssl_module
	"ssl_handshake_timeout": {{ctx: inStream | inStreamServer, args: argTake1}}, // ngx_stream_ssl_module
	"ssl_ocsp":              {{ctx: inHTTP | inServer, args: argFlag}},          // ngx_http_ssl_module
	"ssl_ocsp_cache":        {{ctx: inHTTP | inServer, args: argTake1}},         // ngx_http_ssl_module
	"ssl_ocsp_responder":    {{ctx: inHTTP | inServer, args: argTake1}},         // ngx_http_ssl_module
	"ssl_password_file": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_prefer_server_ciphers": {
		{ctx: inHTTP | inServer, args: argFlag},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_ssl_module
	},
	"ssl_preread": {{ctx: inStream | inStreamServer, args: argFlag}}, // ngx_stream_ssl_preread_module
	"ssl_protocols": {
		{ctx: inHTTP | inServer, args: arg1More},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: arg1More}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: arg1More},     // ngx_mail_ssl_module
	},
	"ssl_reject_handshake": {{ctx: inHTTP | inServer, args: argFlag}}, // ngx_http_ssl_module
	"ssl_session_cache": {
		{ctx: inHTTP | inServer, args: argTake12},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake12}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake12},     // ngx_mail_ssl_module
	},
	"ssl_session_ticket_key": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_session_tickets": {
		{ctx: inHTTP | inServer, args: argFlag},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_ssl_module
	},
	"ssl_session_timeout": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_stapling":           {{ctx: inHTTP | inServer, args: argFlag}},  // ngx_http_ssl_module
	"ssl_stapling_file":      {{ctx: inHTTP | inServer, args: argTake1}}, // ngx_http_ssl_module
	"ssl_stapling_responder": {{ctx: inHTTP | inServer, args: argTake1}}, // ngx_http_ssl_module
	"ssl_stapling_verify":    {{ctx: inHTTP | inServer, args: argFlag}},  // ngx_http_ssl_module
	"ssl_trusted_certificate": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_verify_client": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"ssl_verify_depth": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	},
	"starttls":                      {{ctx: inMail | inMailServer, args: argTake1}},                  // ngx_mail_ssl_module
	"stream":                        {{ctx: inMain, args: argNoArgs, block: true, child: CtxStream}}, // ngx_stream_module
	"stub_status":                   {{ctx: inServer | inLocation, args: argNoArgs | argTake1}},      // ngx_http_stub_status_module
	"sub_filter":                    {{ctx: inHTTP | inServer | inLocation, args: argTake2}},         // ngx_http_sub_filter_module
	"sub_filter_last_modified":      {{ctx: inHTTP | inServer | inLocation, args: argFlag}},          // ngx_http_sub_filter_module
	"sub_filter_once":               {{ctx: inHTTP | inServer | inLocation, args: argFlag}},          // ngx_http_sub_filter_module
	"sub_filter_types":              {{ctx: inHTTP | inServer | inLocation, args: arg1More}},         // ngx_http_sub_filter_module
	"subrequest_output_buffer_size": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},         // ngx_http_core_module
	"tcp_nodelay": {
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_core_module
	},
	"tcp_nopush":                  {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                                  // ngx_http_core_module
	"thread_pool":                 {{ctx: inMain, args: argTake23}},                                                        // ngx_thread_pool_module
	"timeout":                     {{ctx: inMail | inMailServer, args: argTake1}},                                          // ngx_mail_core_module
	"timer_resolution":            {{ctx: inMain, args: argTake1}},                                                         // ngx_core_module
	"try_files":                   {{ctx: inServer | inLocation, args: arg2More}},                                          // ngx_http_try_files_module
	"types":                       {{ctx: inHTTP | inServer | inLocation, args: argNoArgs, block: true, child: CtxCustom}}, // ngx_http_core_module
	"types_hash_bucket_size":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                                 // ngx_http_core_module
	"types_hash_max_size":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                                 // ngx_http_core_module
	"underscores_in_headers":      {{ctx: inHTTP | inServer, args: argFlag}},                                               // ngx_http_core_module
	"uninitialized_variable_warn": {{ctx: inHTTP | inServer | inServerIf | inLocation | inLocationIf, args: argFlag}},      // ngx_http_rewrite_module
	"upstream": {
		{ctx: inHTTP, args: argTake1, block: true, child: CtxUpstream},         // ngx_http_upstream_module
		{ctx: inStream, args: argTake1, block: true, child: CtxStreamUpstream}, // ngx_stream_upstream_module
	},
	"use":                           {{ctx: inEvents, args: argTake1}},                          // ngx_event_core_module
	"user":                          {{ctx: inMain, args: argTake12}},                           // ngx_core_module
	"userid":                        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"userid_domain":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"userid_expires":                {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"userid_flags":                  {{ctx: inHTTP | inServer | inLocation, args: argTake123}},  // ngx_http_userid_filter_module
	"userid_mark":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"userid_name":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"userid_p3p":                    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"userid_path":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"userid_service":                {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_userid_filter_module
	"uwsgi_bind":                    {{ctx: inHTTP | inServer | inLocation, args: argTake12}},   // ngx_http_uwsgi_module
	"uwsgi_buffer_size":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_buffering":               {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_buffers":                 {{ctx: inHTTP | inServer | inLocation, args: argTake2}},    // ngx_http_uwsgi_module
	"uwsgi_busy_buffers_size":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_cache":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_background_update": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_bypass":            {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_key":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_lock":              {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_lock_age":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_lock_timeout":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_max_range_offset":  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_methods":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_min_uses":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_path":              {{ctx: inHTTP, args: arg2More}},                            // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_revalidate":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_use_stale":         {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_cache_valid":             {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_connect_timeout":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_force_ranges":            {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_hide_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_ignore_client_abort":     {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_ignore_headers":          {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module
	"uwsgi_intercept_errors":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_limit_rate":              {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_max_temp_file_size":      {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_modifier1":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_modifier2":               {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_next_upstream":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module
	"uwsgi_next_upstream_timeout":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_next_upstream_tries":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_no_cache":                {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	"uwsgi_param":                   {{ctx: inHTTP | inServer | inLocation, args: argTake23}},   // ngx_http_uwsgi_module
	"uwsgi_pass":                    {{ctx: inLocation | inLocationIf, args: argTake1}},         // ngx_http_uwsgi_module
	"uwsgi_pass_header":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_pass_request_body":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_pass_request_headers":    {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_read_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_request_buffering":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_send_timeout":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_socket_keepalive":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module
	"uwsgi_ssl_certificate":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_certificate_key":     {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_ciphers":             {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_conf_command":        {{ctx: inHTTP | inServer | inLocation, args: argTake2}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_crl":                 {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_name":                {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_password_file":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_protocols":           {{ctx: inHTTP | inServer | inLocation, args: arg1More}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_server_name":         {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_session_reuse":       {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_trusted_certificate": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_verify":              {{ctx: inHTTP | inServer | inLocation, args: argFlag}},     // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_ssl_verify_depth":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	"uwsgi_store":                   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_store_access":            {{ctx: inHTTP | inServer | inLocation, args: argTake123}},  // ngx_http_uwsgi_module
	"uwsgi_string":                  {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_temp_file_write_size":    {{ctx: inHTTP | inServer | inLocation, args: argTake1}},    // ngx_http_uwsgi_module
	"uwsgi_temp_path":               {{ctx: inHTTP | inServer | inLocation, args: argTake1234}}, // ngx_http_uwsgi_module
	"valid_referers":                {{ctx: inServer | inLocation, args: arg1More}},             // ngx_http_referer_module
	"variables_hash_bucket_size": {
		{ctx: inHTTP, args: argTake1},   // ngx_http_core_module
		{ctx: inStream, args: argTake1}, // ngx_stream_core_module
	},
	"variables_hash_max_size": {
		{ctx: inHTTP, args: argTake1},   // ngx_http_core_module
		{ctx: inStream, args: argTake1}, // ngx_stream_core_module
	},
	"worker_aio_requests":     {{ctx: inEvents, args: argTake1}},                       // ngx_epoll_module
	"worker_connections":      {{ctx: inEvents, args: argTake1}},                       // ngx_event_core_module
	"worker_cpu_affinity":     {{ctx: inMain, args: arg1More}},                         // ngx_core_module
	"worker_priority":         {{ctx: inMain, args: argTake1}},                         // ngx_core_module
	"worker_processes":        {{ctx: inMain, args: argTake1}},                         // ngx_core_module
	"worker_rlimit_core":      {{ctx: inMain, args: argTake1}},                         // ngx_core_module
	"worker_rlimit_nofile":    {{ctx: inMain, args: argTake1}},                         // ngx_core_module
	"worker_shutdown_timeout": {{ctx: inMain, args: argTake1}},                         // ngx_core_module
	"working_directory":       {{ctx: inMain, args: argTake1}},                         // ngx_core_module
	"xclient":                 {{ctx: inMail | inMailServer, args: argFlag}},           // ngx_mail_proxy_module
	"xml_entities":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_xslt_filter_module
	"xslt_last_modified":      {{ctx: inHTTP | inServer | inLocation, args: argFlag}},  // ngx_http_xslt_filter_module
	"xslt_param":              {{ctx: inHTTP | inServer | inLocation, args: argTake2}}, // ngx_http_xslt_filter_module
	"xslt_string_param":       {{ctx: inHTTP | inServer | inLocation, args: argTake2}}, // ngx_http_xslt_filter_module
	"xslt_stylesheet":         {{ctx: inLocation, args: arg1More}},                     // ngx_http_xslt_filter_module
	"xslt_types":              {{ctx: inHTTP | inServer | inLocation, args: arg1More}}, // ngx_http_xslt_filter_module
	"zone": {
		{ctx: inUpstream, args: argTake12},       // ngx_http_upstream_zone_module
		{ctx: inStreamUpstream, args: argTake12}, // ngx_stream_upstream_zone_module
	},
}

// ---------------------------------------------------------------------------
// Directives added after nginx 1.22.1, up to nginx HEAD (release-1.31.4-4-g3f6f7824d).
//
// nginx 1.22.1 itself reports these as unknown directive (or, for a name it
// knows in another context, as not allowed here). They are accepted so that
// configs written for newer nginx versions are not rejected. Contexts and
// argument counts are those of HEAD; "since" is the first release tag whose
// command arrays contain the entry. Entries are only consulted after the
// 1.22.1 entries of the same name.
//
// Directives that exist in 1.22.1 but whose flags changed later keep their
// 1.22.1 flags in directiveTable: ssl_ocsp (http) FLAG -> TAKE1,
// keepalive (http upstream) TAKE1 -> TAKE12, proxy_protocol (stream, mail)
// FLAG -> TAKE1. The "ssl" directive (http, mail) was removed in 1.25.1.
//
// 65 directive names, 75 entries.
var directiveTableNewer = map[string][]spec{
	"add_header_inherit":           {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}, // ngx_http_headers_filter_module, since 1.29.3
	"add_trailer_inherit":          {{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}, // ngx_http_headers_filter_module, since 1.29.3
	"client_body_early_read":       {{ctx: inHTTP | inServer, args: arg1More}},                             // ngx_http_core_module, since HEAD
	"early_hints":                  {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                // ngx_http_core_module, since 1.29.0
	"fastcgi_socket_rcvbuf":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_fastcgi_module, since 1.31.3
	"fastcgi_socket_sndbuf":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_fastcgi_module, since 1.31.3
	"grpc_socket_rcvbuf":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_grpc_module, since 1.31.3
	"grpc_socket_sndbuf":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_grpc_module, since 1.31.3
	"grpc_ssl_certificate_cache":   {{ctx: inHTTP | inServer | inLocation, args: argTake123}},              // ngx_http_grpc_module #if (NGX_HTTP_SSL), since 1.27.4
	"http2":                        {{ctx: inHTTP | inServer, args: argFlag}},                              // ngx_http_v2_module, since 1.25.1
	"http3":                        {{ctx: inHTTP | inServer, args: argFlag}},                              // ngx_http_v3_module, since 1.25.0
	"http3_hq":                     {{ctx: inHTTP | inServer, args: argFlag}},                              // ngx_http_v3_module, since 1.25.0
	"http3_max_concurrent_streams": {{ctx: inHTTP | inServer, args: argTake1}},                             // ngx_http_v3_module, since 1.25.0
	"http3_stream_buffer_size":     {{ctx: inHTTP | inServer, args: argTake1}},                             // ngx_http_v3_module, since 1.25.0
	"keepalive_min_timeout":        {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                // ngx_http_core_module, since 1.27.4
	"least_time": {
		{ctx: inUpstream, args: argTake12},       // ngx_http_upstream_least_time_module, since 1.31.0
		{ctx: inStreamUpstream, args: argTake12}, // ngx_stream_upstream_least_time_module, since 1.31.0
	},
	"max_headers":         {{ctx: inHTTP | inServer, args: argTake1}},             // ngx_http_core_module, since 1.29.8
	"pass":                {{ctx: inStreamServer, args: argTake1}},                // ngx_stream_pass_module, since 1.25.5
	"proxy_pass_trailers": {{ctx: inHTTP | inServer | inLocation, args: argFlag}}, // ngx_http_proxy_module, since 1.27.2
	"proxy_socket_rcvbuf": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module, since 1.31.3
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module, since 1.31.3
	},
	"proxy_socket_sndbuf": {
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module, since 1.31.3
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module, since 1.31.3
	},
	"proxy_ssl_alpn": {{ctx: inStream | inStreamServer, args: arg1More}}, // ngx_stream_proxy_module #if (NGX_STREAM_SSL), since 1.31.0
	"proxy_ssl_certificate_cache": {
		{ctx: inHTTP | inServer | inLocation, args: argTake123}, // ngx_http_proxy_module #if (NGX_HTTP_SSL), since 1.27.4
		{ctx: inStream | inStreamServer, args: argTake123},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL), since 1.27.4
	},
	"quic_active_connection_id_limit": {{ctx: inHTTP | inServer, args: argTake1}}, // ngx_http_v3_module, since 1.25.0
	"quic_bpf":                        {{ctx: inMain, args: argFlag}},             // ngx_quic_bpf_module, since 1.25.0
	"quic_gso":                        {{ctx: inHTTP | inServer, args: argFlag}},  // ngx_http_v3_module, since 1.25.0
	"quic_host_key":                   {{ctx: inHTTP | inServer, args: argTake1}}, // ngx_http_v3_module, since 1.25.0
	"quic_retry":                      {{ctx: inHTTP | inServer, args: argFlag}},  // ngx_http_v3_module, since 1.25.0
	"resolver": {
		{ctx: inUpstream, args: arg1More},       // ngx_http_upstream_module #if (NGX_HTTP_UPSTREAM_ZONE), since 1.27.3
		{ctx: inStreamUpstream, args: arg1More}, // ngx_stream_upstream_module #if (NGX_STREAM_UPSTREAM_ZONE), since 1.27.3
	},
	"resolver_timeout": {
		{ctx: inUpstream, args: argTake1},       // ngx_http_upstream_module #if (NGX_HTTP_UPSTREAM_ZONE), since 1.27.3
		{ctx: inStreamUpstream, args: argTake1}, // ngx_stream_upstream_module #if (NGX_STREAM_UPSTREAM_ZONE), since 1.27.3
	},
	"scgi_socket_rcvbuf":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_scgi_module, since 1.31.3
	"scgi_socket_sndbuf":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}}, // ngx_http_scgi_module, since 1.31.3
	"server_name":                   {{ctx: inStreamServer, args: arg1More}},                 // ngx_stream_core_module, since 1.25.5
	"server_names_hash_bucket_size": {{ctx: inStream, args: argTake1}},                       // ngx_stream_core_module, since 1.25.5
	"server_names_hash_max_size":    {{ctx: inStream, args: argTake1}},                       // ngx_stream_core_module, since 1.25.5
	"ssl_certificate_cache": {
		{ctx: inHTTP | inServer, args: argTake123},         // ngx_http_ssl_module, since 1.27.4
		{ctx: inStream | inStreamServer, args: argTake123}, // ngx_stream_ssl_module, since 1.27.4
	},
	"ssl_certificate_compression": {
		{ctx: inHTTP | inServer, args: argFlag},         // ngx_http_ssl_module, since 1.29.1
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_ssl_module, since 1.29.1
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_ssl_module, since 1.29.1
	},
	"ssl_ech_file": {
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module, since 1.29.4
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module, since 1.29.4
	},
	"ssl_object_cache_inheritable": {{ctx: inMain, args: argFlag}},                                            // ngx_openssl_cache_module, since 1.27.4
	"ssl_ocsp":                     {{ctx: inStream | inStreamServer, args: argTake1}},                        // ngx_stream_ssl_module, since 1.27.2
	"ssl_ocsp_cache":               {{ctx: inStream | inStreamServer, args: argTake1}},                        // ngx_stream_ssl_module, since 1.27.2
	"ssl_ocsp_responder":           {{ctx: inStream | inStreamServer, args: argTake1}},                        // ngx_stream_ssl_module, since 1.27.2
	"ssl_reject_handshake":         {{ctx: inStream | inStreamServer, args: argFlag}},                         // ngx_stream_ssl_module, since 1.25.5
	"ssl_stapling":                 {{ctx: inStream | inStreamServer, args: argFlag}},                         // ngx_stream_ssl_module, since 1.27.2
	"ssl_stapling_file":            {{ctx: inStream | inStreamServer, args: argTake1}},                        // ngx_stream_ssl_module, since 1.27.2
	"ssl_stapling_responder":       {{ctx: inStream | inStreamServer, args: argTake1}},                        // ngx_stream_ssl_module, since 1.27.2
	"ssl_stapling_verify":          {{ctx: inStream | inStreamServer, args: argFlag}},                         // ngx_stream_ssl_module, since 1.27.2
	"sticky":                       {{ctx: inUpstream, args: arg2More}},                                       // ngx_http_upstream_sticky_module, since 1.29.6
	"tunnel_bind":                  {{ctx: inHTTP | inServer | inLocation, args: argTake12}},                  // ngx_http_tunnel_module, since 1.31.0
	"tunnel_buffer_size":           {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_connect_timeout":       {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_next_upstream":         {{ctx: inHTTP | inServer | inLocation, args: arg1More}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_next_upstream_timeout": {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_next_upstream_tries":   {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_pass":                  {{ctx: inServer | inLocation | inLocationIf, args: argNoArgs | argTake1}}, // ngx_http_tunnel_module, since 1.31.0
	"tunnel_read_timeout":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_send_lowat":            {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_send_timeout":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.0
	"tunnel_socket_keepalive":      {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                    // ngx_http_tunnel_module, since 1.31.0
	"tunnel_socket_rcvbuf":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.3
	"tunnel_socket_sndbuf":         {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_tunnel_module, since 1.31.3
	"uwsgi_socket_rcvbuf":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_uwsgi_module, since 1.31.3
	"uwsgi_socket_sndbuf":          {{ctx: inHTTP | inServer | inLocation, args: argTake1}},                   // ngx_http_uwsgi_module, since 1.31.3
	"uwsgi_ssl_certificate_cache":  {{ctx: inHTTP | inServer | inLocation, args: argTake123}},                 // ngx_http_uwsgi_module #if (NGX_HTTP_SSL), since 1.27.4
	"xml_external_entities":        {{ctx: inHTTP | inServer | inLocation, args: argFlag}},                    // ngx_http_xslt_filter_module, since 1.31.3
}
