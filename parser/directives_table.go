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
var directiveTable = []directiveEntry{
	{"absolute_redirect", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_core_module
	{"accept_mutex", []spec{{ctx: inEvents, args: argFlag}}},                            // ngx_event_core_module
	{"accept_mutex_delay", []spec{{ctx: inEvents, args: argTake1}}},                     // ngx_event_core_module
	{"acceptex_read", []spec{{ctx: inEvents, args: argFlag}}},                           // ngx_iocp_module
	{"access_log", []spec{
		{ctx: inHTTP | inServer | inLocation | inLocationIf | inLimitExcept, args: arg1More}, // ngx_http_log_module
		{ctx: inStream | inStreamServer, args: arg1More},                                     // ngx_stream_log_module
	}},
	{"add_after_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_addition_filter_module
	{"add_before_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_addition_filter_module
	{"add_header", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake23}}},  // ngx_http_headers_filter_module
	{"add_trailer", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake23}}}, // ngx_http_headers_filter_module
	{"addition_types", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},              // ngx_http_addition_filter_module
	{"aio", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                         // ngx_http_core_module
	{"aio_write", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                    // ngx_http_core_module
	{"alias", []spec{{ctx: inLocation, args: argTake1}}},                                           // ngx_http_core_module
	{"allow", []spec{
		{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}, // ngx_http_access_module
		{ctx: inStream | inStreamServer, args: argTake1},                      // ngx_stream_access_module
	}},
	{"ancient_browser", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                      // ngx_http_browser_module
	{"ancient_browser_value", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_browser_module
	{"auth_basic", []spec{{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}}},           // ngx_http_auth_basic_module
	{"auth_basic_user_file", []spec{{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}}}, // ngx_http_auth_basic_module
	{"auth_delay", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                           // ngx_http_core_module
	{"auth_http", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                                     // ngx_mail_auth_http_module
	{"auth_http_header", []spec{{ctx: inMail | inMailServer, args: argTake2}}},                              // ngx_mail_auth_http_module
	{"auth_http_pass_client_cert", []spec{{ctx: inMail | inMailServer, args: argFlag}}},                     // ngx_mail_auth_http_module
	{"auth_http_timeout", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                             // ngx_mail_auth_http_module
	{"auth_request", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                         // ngx_http_auth_request_module
	{"auth_request_set", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                     // ngx_http_auth_request_module
	{"autoindex", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                             // ngx_http_autoindex_module
	{"autoindex_exact_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                  // ngx_http_autoindex_module
	{"autoindex_format", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                     // ngx_http_autoindex_module
	{"autoindex_localtime", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                   // ngx_http_autoindex_module
	{"break", []spec{{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argNoArgs}}},            // ngx_http_rewrite_module
	{"charset", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}},               // ngx_http_charset_filter_module
	{"charset_map", []spec{{ctx: inHTTP, args: argTake2, block: true, child: CtxCustom}}},                   // ngx_http_charset_filter_module
	{"charset_types", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                        // ngx_http_charset_filter_module
	{"chunked_transfer_encoding", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},             // ngx_http_core_module
	{"client_body_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_core_module
	{"client_body_in_file_only", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_core_module
	{"client_body_in_single_buffer", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},          // ngx_http_core_module
	{"client_body_temp_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1234}}},             // ngx_http_core_module
	{"client_body_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_core_module
	{"client_header_buffer_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                         // ngx_http_core_module
	{"client_header_timeout", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                             // ngx_http_core_module
	{"client_max_body_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_core_module
	{"connection_pool_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                              // ngx_http_core_module
	{"create_full_put_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                  // ngx_http_dav_module
	{"daemon", []spec{{ctx: inMain, args: argFlag}}},                                                        // ngx_core_module
	{"dav_access", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},                         // ngx_http_dav_module
	{"dav_methods", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                          // ngx_http_dav_module
	{"debug_connection", []spec{{ctx: inEvents, args: argTake1}}},                                           // ngx_event_core_module
	{"debug_points", []spec{{ctx: inMain, args: argTake1}}},                                                 // ngx_core_module
	{"default_type", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                         // ngx_http_core_module
	{"degradation", []spec{{ctx: inHTTP, args: argTake1}}},                                                  // ngx_http_degradation_module
	{"degrade", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                              // ngx_http_degradation_module
	{"deny", []spec{
		{ctx: inHTTP | inServer | inLocation | inLimitExcept, args: argTake1}, // ngx_http_access_module
		{ctx: inStream | inStreamServer, args: argTake1},                      // ngx_stream_access_module
	}},
	{"devpoll_changes", []spec{{ctx: inEvents, args: argTake1}}},                          // ngx_devpoll_module
	{"devpoll_events", []spec{{ctx: inEvents, args: argTake1}}},                           // ngx_devpoll_module
	{"directio", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_core_module
	{"directio_alignment", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_core_module
	{"disable_symlinks", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},  // ngx_http_core_module #if (NGX_HAVE_OPENAT)
	{"empty_gif", []spec{{ctx: inLocation, args: argNoArgs}}},                             // ngx_http_empty_gif_module
	{"env", []spec{{ctx: inMain, args: argTake1}}},                                        // ngx_core_module
	{"epoll_events", []spec{{ctx: inEvents, args: argTake1}}},                             // ngx_epoll_module
	{"error_log", []spec{
		{ctx: inMain, args: arg1More},                         // ngx_errlog_module
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: arg1More},      // ngx_stream_core_module
		{ctx: inMail | inMailServer, args: arg1More},          // ngx_mail_core_module
	}},
	{"error_page", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: arg2More}}},      // ngx_http_core_module
	{"etag", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                            // ngx_http_core_module
	{"eventport_events", []spec{{ctx: inEvents, args: argTake1}}},                                     // ngx_eventport_module
	{"events", []spec{{ctx: inMain, args: argNoArgs, block: true, child: CtxEvents}}},                 // ngx_events_module
	{"expires", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake12}}},        // ngx_http_headers_filter_module
	{"fastcgi_bind", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                  // ngx_http_fastcgi_module
	{"fastcgi_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_fastcgi_module
	{"fastcgi_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},               // ngx_http_fastcgi_module
	{"fastcgi_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                // ngx_http_fastcgi_module
	{"fastcgi_busy_buffers_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},      // ngx_http_fastcgi_module
	{"fastcgi_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_background_update", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_bypass", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_key", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_lock", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},              // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_lock_age", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_lock_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_max_range_offset", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_methods", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},          // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_min_uses", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_path", []spec{{ctx: inHTTP, args: arg2More}}},                                     // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_revalidate", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_use_stale", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},        // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_cache_valid", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},            // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_catch_stderr", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_fastcgi_module
	{"fastcgi_connect_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},        // ngx_http_fastcgi_module
	{"fastcgi_force_ranges", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},            // ngx_http_fastcgi_module
	{"fastcgi_hide_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_fastcgi_module
	{"fastcgi_ignore_client_abort", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},     // ngx_http_fastcgi_module
	{"fastcgi_ignore_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},         // ngx_http_fastcgi_module
	{"fastcgi_index", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_fastcgi_module
	{"fastcgi_intercept_errors", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_fastcgi_module
	{"fastcgi_keep_conn", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},               // ngx_http_fastcgi_module
	{"fastcgi_limit_rate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_fastcgi_module
	{"fastcgi_max_temp_file_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_fastcgi_module
	{"fastcgi_next_upstream", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},          // ngx_http_fastcgi_module
	{"fastcgi_next_upstream_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},  // ngx_http_fastcgi_module
	{"fastcgi_next_upstream_tries", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},    // ngx_http_fastcgi_module
	{"fastcgi_no_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},               // ngx_http_fastcgi_module #if (NGX_HTTP_CACHE)
	{"fastcgi_param", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake23}}},                 // ngx_http_fastcgi_module
	{"fastcgi_pass", []spec{{ctx: inLocation | inLocationIf, args: argTake1}}},                        // ngx_http_fastcgi_module
	{"fastcgi_pass_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_fastcgi_module
	{"fastcgi_pass_request_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},       // ngx_http_fastcgi_module
	{"fastcgi_pass_request_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},    // ngx_http_fastcgi_module
	{"fastcgi_read_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_fastcgi_module
	{"fastcgi_request_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},       // ngx_http_fastcgi_module
	{"fastcgi_send_lowat", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_fastcgi_module
	{"fastcgi_send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_fastcgi_module
	{"fastcgi_socket_keepalive", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_fastcgi_module
	{"fastcgi_split_path_info", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},        // ngx_http_fastcgi_module
	{"fastcgi_store", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_fastcgi_module
	{"fastcgi_store_access", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},         // ngx_http_fastcgi_module
	{"fastcgi_temp_file_write_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},   // ngx_http_fastcgi_module
	{"fastcgi_temp_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1234}}},           // ngx_http_fastcgi_module
	{"flv", []spec{{ctx: inLocation, args: argNoArgs}}},                                               // ngx_http_flv_module
	{"geo", []spec{
		{ctx: inHTTP, args: argTake12, block: true, child: CtxCustom},   // ngx_http_geo_module
		{ctx: inStream, args: argTake12, block: true, child: CtxCustom}, // ngx_stream_geo_module
	}},
	{"geoip_city", []spec{
		{ctx: inHTTP, args: argTake12},   // ngx_http_geoip_module
		{ctx: inStream, args: argTake12}, // ngx_stream_geoip_module
	}},
	{"geoip_country", []spec{
		{ctx: inHTTP, args: argTake12},   // ngx_http_geoip_module
		{ctx: inStream, args: argTake12}, // ngx_stream_geoip_module
	}},
	{"geoip_org", []spec{
		{ctx: inHTTP, args: argTake12},   // ngx_http_geoip_module
		{ctx: inStream, args: argTake12}, // ngx_stream_geoip_module
	}},
	{"geoip_proxy", []spec{{ctx: inHTTP, args: argTake1}}},                                          // ngx_http_geoip_module
	{"geoip_proxy_recursive", []spec{{ctx: inHTTP, args: argFlag}}},                                 // ngx_http_geoip_module
	{"google_perftools_profiles", []spec{{ctx: inMain, args: argTake1}}},                            // ngx_google_perftools_module
	{"grpc_bind", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                   // ngx_http_grpc_module
	{"grpc_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_grpc_module
	{"grpc_connect_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_grpc_module
	{"grpc_hide_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_grpc_module
	{"grpc_ignore_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},          // ngx_http_grpc_module
	{"grpc_intercept_errors", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},         // ngx_http_grpc_module
	{"grpc_next_upstream", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_grpc_module
	{"grpc_next_upstream_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},   // ngx_http_grpc_module
	{"grpc_next_upstream_tries", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_grpc_module
	{"grpc_pass", []spec{{ctx: inLocation | inLocationIf, args: argTake1}}},                         // ngx_http_grpc_module
	{"grpc_pass_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_grpc_module
	{"grpc_read_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_grpc_module
	{"grpc_send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_grpc_module
	{"grpc_set_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},              // ngx_http_grpc_module
	{"grpc_socket_keepalive", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},         // ngx_http_grpc_module
	{"grpc_ssl_certificate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_certificate_key", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_ciphers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_conf_command", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},        // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_crl", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_name", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_password_file", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},       // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_protocols", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_server_name", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},          // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_session_reuse", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_trusted_certificate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_verify", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},               // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"grpc_ssl_verify_depth", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},        // ngx_http_grpc_module #if (NGX_HTTP_SSL)
	{"gunzip", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                        // ngx_http_gunzip_filter_module
	{"gunzip_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},               // ngx_http_gunzip_filter_module
	{"gzip", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}}},           // ngx_http_gzip_filter_module
	{"gzip_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                 // ngx_http_gzip_filter_module
	{"gzip_comp_level", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_gzip_filter_module
	{"gzip_disable", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                 // ngx_http_core_module #if (NGX_HTTP_GZIP)
	{"gzip_hash", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                    // ngx_http_gzip_filter_module
	{"gzip_http_version", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_core_module #if (NGX_HTTP_GZIP)
	{"gzip_min_length", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_gzip_filter_module
	{"gzip_no_buffer", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                // ngx_http_gzip_filter_module
	{"gzip_proxied", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                 // ngx_http_core_module #if (NGX_HTTP_GZIP)
	{"gzip_static", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_gzip_static_module
	{"gzip_types", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                   // ngx_http_gzip_filter_module
	{"gzip_vary", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                     // ngx_http_core_module #if (NGX_HTTP_GZIP)
	{"gzip_window", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_gzip_filter_module
	{"hash", []spec{
		{ctx: inUpstream, args: argTake12},       // ngx_http_upstream_hash_module
		{ctx: inStreamUpstream, args: argTake12}, // ngx_stream_upstream_hash_module
	}},
	{"http", []spec{{ctx: inMain, args: argNoArgs, block: true, child: CtxHTTP}}},                // ngx_http_module
	{"http2_body_preread_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                // ngx_http_v2_module
	{"http2_chunk_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_v2_module
	{"http2_idle_timeout", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                     // ngx_http_v2_module
	{"http2_max_concurrent_pushes", []spec{{ctx: inHTTP | inServer, args: argTake1}}},            // ngx_http_v2_module
	{"http2_max_concurrent_streams", []spec{{ctx: inHTTP | inServer, args: argTake1}}},           // ngx_http_v2_module
	{"http2_max_field_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                   // ngx_http_v2_module
	{"http2_max_header_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                  // ngx_http_v2_module
	{"http2_max_requests", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                     // ngx_http_v2_module
	{"http2_pool_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                        // ngx_http_v2_module
	{"http2_push", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_v2_module
	{"http2_push_preload", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},         // ngx_http_v2_module
	{"http2_recv_buffer_size", []spec{{ctx: inHTTP, args: argTake1}}},                            // ngx_http_v2_module
	{"http2_recv_timeout", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                     // ngx_http_v2_module
	{"http2_streams_index_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},               // ngx_http_v2_module
	{"if", []spec{{ctx: inServer | inLocation, args: arg1More, block: true, child: childIf}}},    // ngx_http_rewrite_module
	{"if_modified_since", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_core_module
	{"ignore_invalid_headers", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                  // ngx_http_core_module
	{"image_filter", []spec{{ctx: inLocation, args: argTake123}}},                                // ngx_http_image_filter_module
	{"image_filter_buffer", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},       // ngx_http_image_filter_module
	{"image_filter_interlace", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},     // ngx_http_image_filter_module
	{"image_filter_jpeg_quality", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_image_filter_module
	{"image_filter_sharpen", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},      // ngx_http_image_filter_module
	{"image_filter_transparency", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},  // ngx_http_image_filter_module
	{"image_filter_webp_quality", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_image_filter_module
	{"imap_auth", []spec{{ctx: inMail | inMailServer, args: arg1More}}},                          // ngx_mail_imap_module
	{"imap_capabilities", []spec{{ctx: inMail | inMailServer, args: arg1More}}},                  // ngx_mail_imap_module
	{"imap_client_buffer", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                 // ngx_mail_imap_module
	{"include", []spec{{ctx: inAny, args: argTake1}}},                                            // ngx_conf_module
	{"index", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                     // ngx_http_index_module
	{"internal", []spec{{ctx: inLocation, args: argNoArgs}}},                                     // ngx_http_core_module
	{"iocp_threads", []spec{{ctx: inEvents, args: argTake1}}},                                    // ngx_iocp_module
	{"ip_hash", []spec{{ctx: inUpstream, args: argNoArgs}}},                                      // ngx_http_upstream_ip_hash_module
	{"keepalive", []spec{{ctx: inUpstream, args: argTake1}}},                                     // ngx_http_upstream_keepalive_module
	{"keepalive_disable", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},        // ngx_http_core_module
	{"keepalive_requests", []spec{
		{ctx: inUpstream, args: argTake1},                     // ngx_http_upstream_keepalive_module
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_core_module
	}},
	{"keepalive_time", []spec{
		{ctx: inUpstream, args: argTake1},                     // ngx_http_upstream_keepalive_module
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_core_module
	}},
	{"keepalive_timeout", []spec{
		{ctx: inUpstream, args: argTake1},                      // ngx_http_upstream_keepalive_module
		{ctx: inHTTP | inServer | inLocation, args: argTake12}, // ngx_http_core_module
	}},
	{"kqueue_changes", []spec{{ctx: inEvents, args: argTake1}}},                       // ngx_kqueue_module
	{"kqueue_events", []spec{{ctx: inEvents, args: argTake1}}},                        // ngx_kqueue_module
	{"large_client_header_buffers", []spec{{ctx: inHTTP | inServer, args: argTake2}}}, // ngx_http_core_module
	{"least_conn", []spec{
		{ctx: inUpstream, args: argNoArgs},       // ngx_http_upstream_least_conn_module
		{ctx: inStreamUpstream, args: argNoArgs}, // ngx_stream_upstream_least_conn_module
	}},
	{"limit_conn", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake2}, // ngx_http_limit_conn_module
		{ctx: inStream | inStreamServer, args: argTake2},      // ngx_stream_limit_conn_module
	}},
	{"limit_conn_dry_run", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_limit_conn_module
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_limit_conn_module
	}},
	{"limit_conn_log_level", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_limit_conn_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_limit_conn_module
	}},
	{"limit_conn_status", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_limit_conn_module
	{"limit_conn_zone", []spec{
		{ctx: inHTTP, args: argTake2},   // ngx_http_limit_conn_module
		{ctx: inStream, args: argTake2}, // ngx_stream_limit_conn_module
	}},
	{"limit_except", []spec{{ctx: inLocation, args: arg1More, block: true, child: CtxLimitExcept}}},    // ngx_http_core_module
	{"limit_rate", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}},       // ngx_http_core_module
	{"limit_rate_after", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}}, // ngx_http_core_module
	{"limit_req", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},                     // ngx_http_limit_req_module
	{"limit_req_dry_run", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                // ngx_http_limit_req_module
	{"limit_req_log_level", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_limit_req_module
	{"limit_req_status", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_limit_req_module
	{"limit_req_zone", []spec{{ctx: inHTTP, args: argTake3}}},                                          // ngx_http_limit_req_module
	{"lingering_close", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_core_module
	{"lingering_time", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_core_module
	{"lingering_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},               // ngx_http_core_module
	{"listen", []spec{
		{ctx: inServer, args: arg1More},       // ngx_http_core_module
		{ctx: inStreamServer, args: arg1More}, // ngx_stream_core_module
		{ctx: inMailServer, args: arg1More},   // ngx_mail_core_module
	}},
	{"load_module", []spec{{ctx: inMain, args: argTake1}}},                                               // ngx_core_module
	{"location", []spec{{ctx: inServer | inLocation, args: argTake12, block: true, child: CtxLocation}}}, // ngx_http_core_module
	{"lock_file", []spec{{ctx: inMain, args: argTake1}}},                                                 // ngx_core_module
	{"log_format", []spec{
		{ctx: inHTTP, args: arg2More},   // ngx_http_log_module
		{ctx: inStream, args: arg2More}, // ngx_stream_log_module
	}},
	{"log_not_found", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},  // ngx_http_core_module
	{"log_subrequest", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_core_module
	{"mail", []spec{{ctx: inMain, args: argNoArgs, block: true, child: CtxMail}}},    // ngx_mail_module
	{"map", []spec{
		{ctx: inHTTP, args: argTake2, block: true, child: CtxCustom},   // ngx_http_map_module
		{ctx: inStream, args: argTake2, block: true, child: CtxCustom}, // ngx_stream_map_module
	}},
	{"map_hash_bucket_size", []spec{
		{ctx: inHTTP, args: argTake1},   // ngx_http_map_module
		{ctx: inStream, args: argTake1}, // ngx_stream_map_module
	}},
	{"map_hash_max_size", []spec{
		{ctx: inHTTP, args: argTake1},   // ngx_http_map_module
		{ctx: inStream, args: argTake1}, // ngx_stream_map_module
	}},
	{"master_process", []spec{{ctx: inMain, args: argFlag}}},                                           // ngx_core_module
	{"max_errors", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                               // ngx_mail_core_module
	{"max_ranges", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                      // ngx_http_core_module
	{"memcached_bind", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                 // ngx_http_memcached_module
	{"memcached_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_memcached_module
	{"memcached_connect_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},       // ngx_http_memcached_module
	{"memcached_gzip_flag", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_memcached_module
	{"memcached_next_upstream", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},         // ngx_http_memcached_module
	{"memcached_next_upstream_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_memcached_module
	{"memcached_next_upstream_tries", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},   // ngx_http_memcached_module
	{"memcached_pass", []spec{{ctx: inLocation | inLocationIf, args: argTake1}}},                       // ngx_http_memcached_module
	{"memcached_read_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_memcached_module
	{"memcached_send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_memcached_module
	{"memcached_socket_keepalive", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},       // ngx_http_memcached_module
	{"merge_slashes", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                                 // ngx_http_core_module
	{"min_delete_depth", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_dav_module
	{"mirror", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                          // ngx_http_mirror_module
	{"mirror_request_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},              // ngx_http_mirror_module
	{"modern_browser", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                 // ngx_http_browser_module
	{"modern_browser_value", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_browser_module
	{"mp4", []spec{{ctx: inLocation, args: argNoArgs}}},                                                // ngx_http_mp4_module
	{"mp4_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_mp4_module
	{"mp4_max_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_mp4_module
	{"mp4_start_key_frame", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},              // ngx_http_mp4_module
	{"msie_padding", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                     // ngx_http_core_module
	{"msie_refresh", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                     // ngx_http_core_module
	{"multi_accept", []spec{{ctx: inEvents, args: argFlag}}},                                           // ngx_event_core_module
	{"open_file_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                // ngx_http_core_module
	{"open_file_cache_errors", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},           // ngx_http_core_module
	{"open_file_cache_events", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},           // ngx_http_core_module
	{"open_file_cache_min_uses", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},        // ngx_http_core_module
	{"open_file_cache_valid", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_core_module
	{"open_log_file_cache", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1234}, // ngx_http_log_module
		{ctx: inStream | inStreamServer, args: argTake1234},      // ngx_stream_log_module
	}},
	{"output_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                 // ngx_http_copy_filter_module
	{"override_charset", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}}}, // ngx_http_charset_filter_module
	{"pcre_jit", []spec{{ctx: inMain, args: argFlag}}},                                                // ngx_regex_module
	{"perl", []spec{{ctx: inLocation | inLimitExcept, args: argTake1}}},                               // ngx_http_perl_module
	{"perl_modules", []spec{{ctx: inHTTP, args: argTake1}}},                                           // ngx_http_perl_module
	{"perl_require", []spec{{ctx: inHTTP, args: argTake1}}},                                           // ngx_http_perl_module
	{"perl_set", []spec{{ctx: inHTTP, args: argTake2}}},                                               // ngx_http_perl_module
	{"pid", []spec{{ctx: inMain, args: argTake1}}},                                                    // ngx_core_module
	{"pop3_auth", []spec{{ctx: inMail | inMailServer, args: arg1More}}},                               // ngx_mail_pop3_module
	{"pop3_capabilities", []spec{{ctx: inMail | inMailServer, args: arg1More}}},                       // ngx_mail_pop3_module
	{"port_in_redirect", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                // ngx_http_core_module
	{"post_acceptex", []spec{{ctx: inEvents, args: argTake1}}},                                        // ngx_iocp_module
	{"post_action", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}},     // ngx_http_core_module
	{"postpone_gzipping", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_gzip_filter_module
	{"postpone_output", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_core_module
	{"preread_buffer_size", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},                 // ngx_stream_core_module
	{"preread_timeout", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},                     // ngx_stream_core_module
	{"protocol", []spec{{ctx: inMailServer, args: argTake1}}},                                         // ngx_mail_core_module
	{"proxy", []spec{{ctx: inMail | inMailServer, args: argFlag}}},                                    // ngx_mail_proxy_module
	{"proxy_bind", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake12}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake12},      // ngx_stream_proxy_module
	}},
	{"proxy_buffer", []spec{{ctx: inMail | inMailServer, args: argTake1}}}, // ngx_mail_proxy_module
	{"proxy_buffer_size", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	}},
	{"proxy_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},               // ngx_http_proxy_module
	{"proxy_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                // ngx_http_proxy_module
	{"proxy_busy_buffers_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},      // ngx_http_proxy_module
	{"proxy_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_background_update", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_bypass", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_convert_head", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},      // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_key", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_lock", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},              // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_lock_age", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_lock_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_max_range_offset", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_methods", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},          // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_min_uses", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_path", []spec{{ctx: inHTTP, args: arg2More}}},                                     // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_revalidate", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_use_stale", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},        // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_cache_valid", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},            // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_connect_timeout", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	}},
	{"proxy_cookie_domain", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},           // ngx_http_proxy_module
	{"proxy_cookie_flags", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1234}}},          // ngx_http_proxy_module
	{"proxy_cookie_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},             // ngx_http_proxy_module
	{"proxy_download_rate", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},                 // ngx_stream_proxy_module
	{"proxy_downstream_buffer", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},             // ngx_stream_proxy_module
	{"proxy_force_ranges", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},              // ngx_http_proxy_module
	{"proxy_half_close", []spec{{ctx: inStream | inStreamServer, args: argFlag}}},                     // ngx_stream_proxy_module
	{"proxy_headers_hash_bucket_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_proxy_module
	{"proxy_headers_hash_max_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},    // ngx_http_proxy_module
	{"proxy_hide_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_proxy_module
	{"proxy_http_version", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_proxy_module
	{"proxy_ignore_client_abort", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},       // ngx_http_proxy_module
	{"proxy_ignore_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_proxy_module
	{"proxy_intercept_errors", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},          // ngx_http_proxy_module
	{"proxy_limit_rate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},               // ngx_http_proxy_module
	{"proxy_max_temp_file_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},       // ngx_http_proxy_module
	{"proxy_method", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                   // ngx_http_proxy_module
	{"proxy_next_upstream", []spec{
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argFlag},       // ngx_stream_proxy_module
	}},
	{"proxy_next_upstream_timeout", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	}},
	{"proxy_next_upstream_tries", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module
	}},
	{"proxy_no_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}}, // ngx_http_proxy_module #if (NGX_HTTP_CACHE)
	{"proxy_pass", []spec{
		{ctx: inLocation | inLocationIf | inLimitExcept, args: argTake1}, // ngx_http_proxy_module
		{ctx: inStreamServer, args: argTake1},                            // ngx_stream_proxy_module
	}},
	{"proxy_pass_error_message", []spec{{ctx: inMail | inMailServer, args: argFlag}}},            // ngx_mail_proxy_module
	{"proxy_pass_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_proxy_module
	{"proxy_pass_request_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},    // ngx_http_proxy_module
	{"proxy_pass_request_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_proxy_module
	{"proxy_protocol", []spec{
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_proxy_module
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_proxy_module
	}},
	{"proxy_protocol_timeout", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},      // ngx_stream_core_module
	{"proxy_read_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_proxy_module
	{"proxy_redirect", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},        // ngx_http_proxy_module
	{"proxy_request_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_proxy_module
	{"proxy_requests", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},              // ngx_stream_proxy_module
	{"proxy_responses", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},             // ngx_stream_proxy_module
	{"proxy_send_lowat", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},       // ngx_http_proxy_module
	{"proxy_send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_proxy_module
	{"proxy_set_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_proxy_module
	{"proxy_set_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},       // ngx_http_proxy_module
	{"proxy_smtp_auth", []spec{{ctx: inMail | inMailServer, args: argFlag}}},                  // ngx_mail_proxy_module
	{"proxy_socket_keepalive", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module
	}},
	{"proxy_ssl", []spec{{ctx: inStream | inStreamServer, args: argFlag}}}, // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	{"proxy_ssl_certificate", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_certificate_key", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_ciphers", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_conf_command", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake2}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake2},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_crl", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_name", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_password_file", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_protocols", []spec{
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: arg1More},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_server_name", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_session_reuse", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_trusted_certificate", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_verify", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_ssl_verify_depth", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module #if (NGX_HTTP_SSL)
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL)
	}},
	{"proxy_store", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_proxy_module
	{"proxy_store_access", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},       // ngx_http_proxy_module
	{"proxy_temp_file_write_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_proxy_module
	{"proxy_temp_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1234}}},         // ngx_http_proxy_module
	{"proxy_timeout", []spec{
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_proxy_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_proxy_module
	}},
	{"proxy_upload_rate", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},     // ngx_stream_proxy_module
	{"proxy_upstream_buffer", []spec{{ctx: inStream | inStreamServer, args: argTake1}}}, // ngx_stream_proxy_module
	{"random", []spec{
		{ctx: inUpstream, args: argNoArgs | argTake12},       // ngx_http_upstream_random_module
		{ctx: inStreamUpstream, args: argNoArgs | argTake12}, // ngx_stream_upstream_random_module
	}},
	{"random_index", []spec{{ctx: inLocation, args: argFlag}}},                                  // ngx_http_random_index_module
	{"read_ahead", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},               // ngx_http_core_module
	{"real_ip_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_realip_module
	{"real_ip_recursive", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},         // ngx_http_realip_module
	{"recursive_error_pages", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},     // ngx_http_core_module
	{"referer_hash_bucket_size", []spec{{ctx: inServer | inLocation, args: argTake1}}},          // ngx_http_referer_module
	{"referer_hash_max_size", []spec{{ctx: inServer | inLocation, args: argTake1}}},             // ngx_http_referer_module
	{"request_pool_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                     // ngx_http_core_module
	{"reset_timedout_connection", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_core_module
	{"resolver", []spec{
		{ctx: inHTTP | inServer | inLocation, args: arg1More}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: arg1More},      // ngx_stream_core_module
		{ctx: inMail | inMailServer, args: arg1More},          // ngx_mail_core_module
	}},
	{"resolver_timeout", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_core_module
		{ctx: inMail | inMailServer, args: argTake1},          // ngx_mail_core_module
	}},
	{"return", []spec{
		{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argTake12}, // ngx_http_rewrite_module
		{ctx: inStreamServer, args: argTake1},                                     // ngx_stream_return_module
	}},
	{"rewrite", []spec{{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argTake23}}},            // ngx_http_rewrite_module
	{"rewrite_log", []spec{{ctx: inHTTP | inServer | inServerIf | inLocation | inLocationIf, args: argFlag}}}, // ngx_http_rewrite_module
	{"root", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}},                    // ngx_http_core_module
	{"satisfy", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                                // ngx_http_core_module
	{"scgi_bind", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                             // ngx_http_scgi_module
	{"scgi_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                       // ngx_http_scgi_module
	{"scgi_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                          // ngx_http_scgi_module
	{"scgi_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                           // ngx_http_scgi_module
	{"scgi_busy_buffers_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_scgi_module
	{"scgi_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                             // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_background_update", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_bypass", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                      // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_key", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                         // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_lock", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                         // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_lock_age", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                    // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_lock_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_max_range_offset", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_methods", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                     // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_min_uses", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                    // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_path", []spec{{ctx: inHTTP, args: arg2More}}},                                                // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_revalidate", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                   // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_use_stale", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                   // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_cache_valid", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                       // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_connect_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                   // ngx_http_scgi_module
	{"scgi_force_ranges", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                       // ngx_http_scgi_module
	{"scgi_hide_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                       // ngx_http_scgi_module
	{"scgi_ignore_client_abort", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                // ngx_http_scgi_module
	{"scgi_ignore_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                    // ngx_http_scgi_module
	{"scgi_intercept_errors", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                   // ngx_http_scgi_module
	{"scgi_limit_rate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                        // ngx_http_scgi_module
	{"scgi_max_temp_file_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_scgi_module
	{"scgi_next_upstream", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                     // ngx_http_scgi_module
	{"scgi_next_upstream_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_scgi_module
	{"scgi_next_upstream_tries", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},               // ngx_http_scgi_module
	{"scgi_no_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                          // ngx_http_scgi_module #if (NGX_HTTP_CACHE)
	{"scgi_param", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake23}}},                            // ngx_http_scgi_module
	{"scgi_pass", []spec{{ctx: inLocation | inLocationIf, args: argTake1}}},                                   // ngx_http_scgi_module
	{"scgi_pass_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                       // ngx_http_scgi_module
	{"scgi_pass_request_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                  // ngx_http_scgi_module
	{"scgi_pass_request_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},               // ngx_http_scgi_module
	{"scgi_read_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                      // ngx_http_scgi_module
	{"scgi_request_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                  // ngx_http_scgi_module
	{"scgi_send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                      // ngx_http_scgi_module
	{"scgi_socket_keepalive", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                   // ngx_http_scgi_module
	{"scgi_store", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                             // ngx_http_scgi_module
	{"scgi_store_access", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},                    // ngx_http_scgi_module
	{"scgi_temp_file_write_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_scgi_module
	{"scgi_temp_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1234}}},                      // ngx_http_scgi_module
	{"secure_link", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                            // ngx_http_secure_link_module
	{"secure_link_md5", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                        // ngx_http_secure_link_module
	{"secure_link_secret", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                     // ngx_http_secure_link_module
	{"send_lowat", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                             // ngx_http_core_module
	{"send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                           // ngx_http_core_module
	{"sendfile", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}}},                 // ngx_http_core_module
	{"sendfile_max_chunk", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                     // ngx_http_core_module
	{"server", []spec{
		{ctx: inHTTP, args: argNoArgs, block: true, child: CtxServer},         // ngx_http_core_module
		{ctx: inUpstream, args: arg1More},                                     // ngx_http_upstream_module
		{ctx: inStream, args: argNoArgs, block: true, child: CtxStreamServer}, // ngx_stream_core_module
		{ctx: inStreamUpstream, args: arg1More},                               // ngx_stream_upstream_module
		{ctx: inMail, args: argNoArgs, block: true, child: CtxMailServer},     // ngx_mail_core_module
	}},
	{"server_name", []spec{
		{ctx: inServer, args: arg1More},              // ngx_http_core_module
		{ctx: inMail | inMailServer, args: argTake1}, // ngx_mail_core_module
	}},
	{"server_name_in_redirect", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_core_module
	{"server_names_hash_bucket_size", []spec{{ctx: inHTTP, args: argTake1}}},                  // ngx_http_core_module
	{"server_names_hash_max_size", []spec{{ctx: inHTTP, args: argTake1}}},                     // ngx_http_core_module
	{"server_tokens", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_core_module
	{"set", []spec{
		{ctx: inServer | inServerIf | inLocation | inLocationIf, args: argTake2}, // ngx_http_rewrite_module
		{ctx: inStreamServer, args: argTake2},                                    // ngx_stream_set_module
	}},
	{"set_real_ip_from", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_realip_module
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_realip_module
		{ctx: inMail | inMailServer, args: argTake1},          // ngx_mail_realip_module
	}},
	{"slice", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                         // ngx_http_slice_filter_module
	{"smtp_auth", []spec{{ctx: inMail | inMailServer, args: arg1More}}},                              // ngx_mail_smtp_module
	{"smtp_capabilities", []spec{{ctx: inMail | inMailServer, args: arg1More}}},                      // ngx_mail_smtp_module
	{"smtp_client_buffer", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                     // ngx_mail_smtp_module
	{"smtp_greeting_delay", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                    // ngx_mail_smtp_module
	{"source_charset", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}}, // ngx_http_charset_filter_module
	{"split_clients", []spec{
		{ctx: inHTTP, args: argTake2, block: true, child: CtxCustom},   // ngx_http_split_clients_module
		{ctx: inStream, args: argTake2, block: true, child: CtxCustom}, // ngx_stream_split_clients_module
	}},
	{"ssi", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argFlag}}},          // ngx_http_ssi_filter_module
	{"ssi_ignore_recycled_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_ssi_filter_module
	{"ssi_last_modified", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},           // ngx_http_ssi_filter_module
	{"ssi_min_file_chunk", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_ssi_filter_module
	{"ssi_silent_errors", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},           // ngx_http_ssi_filter_module
	{"ssi_types", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                  // ngx_http_ssi_filter_module
	{"ssi_value_length", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_ssi_filter_module
	{"ssl", []spec{
		{ctx: inHTTP | inServer, args: argFlag},     // ngx_http_ssl_module
		{ctx: inMail | inMailServer, args: argFlag}, // ngx_mail_ssl_module
	}},
	{"ssl_alpn", []spec{{ctx: inStream | inStreamServer, args: arg1More}}}, // ngx_stream_ssl_module
	{"ssl_buffer_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},  // ngx_http_ssl_module
	{"ssl_certificate", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_certificate_key", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_ciphers", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_client_certificate", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_conf_command", []spec{
		{ctx: inHTTP | inServer, args: argTake2},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake2}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake2},     // ngx_mail_ssl_module
	}},
	{"ssl_crl", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_dhparam", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_early_data", []spec{{ctx: inHTTP | inServer, args: argFlag}}}, // ngx_http_ssl_module
	{"ssl_ecdh_curve", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_engine", []spec{{ctx: inMain, args: argTake1}}},                               // ngx_openssl_module
	{"ssl_handshake_timeout", []spec{{ctx: inStream | inStreamServer, args: argTake1}}}, // ngx_stream_ssl_module
	{"ssl_ocsp", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                       // ngx_http_ssl_module
	{"ssl_ocsp_cache", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                // ngx_http_ssl_module
	{"ssl_ocsp_responder", []spec{{ctx: inHTTP | inServer, args: argTake1}}},            // ngx_http_ssl_module
	{"ssl_password_file", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_prefer_server_ciphers", []spec{
		{ctx: inHTTP | inServer, args: argFlag},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_ssl_module
	}},
	{"ssl_preread", []spec{{ctx: inStream | inStreamServer, args: argFlag}}}, // ngx_stream_ssl_preread_module
	{"ssl_protocols", []spec{
		{ctx: inHTTP | inServer, args: arg1More},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: arg1More}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: arg1More},     // ngx_mail_ssl_module
	}},
	{"ssl_reject_handshake", []spec{{ctx: inHTTP | inServer, args: argFlag}}}, // ngx_http_ssl_module
	{"ssl_session_cache", []spec{
		{ctx: inHTTP | inServer, args: argTake12},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake12}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake12},     // ngx_mail_ssl_module
	}},
	{"ssl_session_ticket_key", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_session_tickets", []spec{
		{ctx: inHTTP | inServer, args: argFlag},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_ssl_module
	}},
	{"ssl_session_timeout", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_stapling", []spec{{ctx: inHTTP | inServer, args: argFlag}}},            // ngx_http_ssl_module
	{"ssl_stapling_file", []spec{{ctx: inHTTP | inServer, args: argTake1}}},      // ngx_http_ssl_module
	{"ssl_stapling_responder", []spec{{ctx: inHTTP | inServer, args: argTake1}}}, // ngx_http_ssl_module
	{"ssl_stapling_verify", []spec{{ctx: inHTTP | inServer, args: argFlag}}},     // ngx_http_ssl_module
	{"ssl_trusted_certificate", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_verify_client", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"ssl_verify_depth", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module
		{ctx: inMail | inMailServer, args: argTake1},     // ngx_mail_ssl_module
	}},
	{"starttls", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                               // ngx_mail_ssl_module
	{"stream", []spec{{ctx: inMain, args: argNoArgs, block: true, child: CtxStream}}},                // ngx_stream_module
	{"stub_status", []spec{{ctx: inServer | inLocation, args: argNoArgs | argTake1}}},                // ngx_http_stub_status_module
	{"sub_filter", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                    // ngx_http_sub_filter_module
	{"sub_filter_last_modified", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},       // ngx_http_sub_filter_module
	{"sub_filter_once", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                // ngx_http_sub_filter_module
	{"sub_filter_types", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},              // ngx_http_sub_filter_module
	{"subrequest_output_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_core_module
	{"tcp_nodelay", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argFlag}, // ngx_http_core_module
		{ctx: inStream | inStreamServer, args: argFlag},      // ngx_stream_core_module
	}},
	{"tcp_nopush", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                                              // ngx_http_core_module
	{"thread_pool", []spec{{ctx: inMain, args: argTake23}}},                                                                   // ngx_thread_pool_module
	{"timeout", []spec{{ctx: inMail | inMailServer, args: argTake1}}},                                                         // ngx_mail_core_module
	{"timer_resolution", []spec{{ctx: inMain, args: argTake1}}},                                                               // ngx_core_module
	{"try_files", []spec{{ctx: inServer | inLocation, args: arg2More}}},                                                       // ngx_http_try_files_module
	{"types", []spec{{ctx: inHTTP | inServer | inLocation, args: argNoArgs, block: true, child: CtxCustom}}},                  // ngx_http_core_module
	{"types_hash_bucket_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                                 // ngx_http_core_module
	{"types_hash_max_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                                    // ngx_http_core_module
	{"underscores_in_headers", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                                               // ngx_http_core_module
	{"uninitialized_variable_warn", []spec{{ctx: inHTTP | inServer | inServerIf | inLocation | inLocationIf, args: argFlag}}}, // ngx_http_rewrite_module
	{"upstream", []spec{
		{ctx: inHTTP, args: argTake1, block: true, child: CtxUpstream},         // ngx_http_upstream_module
		{ctx: inStream, args: argTake1, block: true, child: CtxStreamUpstream}, // ngx_stream_upstream_module
	}},
	{"use", []spec{{ctx: inEvents, args: argTake1}}},                                                 // ngx_event_core_module
	{"user", []spec{{ctx: inMain, args: argTake12}}},                                                 // ngx_core_module
	{"userid", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                        // ngx_http_userid_filter_module
	{"userid_domain", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_userid_filter_module
	{"userid_expires", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_userid_filter_module
	{"userid_flags", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},                // ngx_http_userid_filter_module
	{"userid_mark", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                   // ngx_http_userid_filter_module
	{"userid_name", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                   // ngx_http_userid_filter_module
	{"userid_p3p", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                    // ngx_http_userid_filter_module
	{"userid_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                   // ngx_http_userid_filter_module
	{"userid_service", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_userid_filter_module
	{"uwsgi_bind", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                   // ngx_http_uwsgi_module
	{"uwsgi_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_uwsgi_module
	{"uwsgi_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},                // ngx_http_uwsgi_module
	{"uwsgi_buffers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},                 // ngx_http_uwsgi_module
	{"uwsgi_busy_buffers_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},       // ngx_http_uwsgi_module
	{"uwsgi_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                   // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_background_update", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_bypass", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},            // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_key", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},               // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_lock", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},               // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_lock_age", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_lock_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},      // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_max_range_offset", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},  // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_methods", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_min_uses", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_path", []spec{{ctx: inHTTP, args: arg2More}}},                                      // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_revalidate", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},         // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_use_stale", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},         // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_cache_valid", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},             // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_connect_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_uwsgi_module
	{"uwsgi_force_ranges", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},             // ngx_http_uwsgi_module
	{"uwsgi_hide_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_uwsgi_module
	{"uwsgi_ignore_client_abort", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},      // ngx_http_uwsgi_module
	{"uwsgi_ignore_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},          // ngx_http_uwsgi_module
	{"uwsgi_intercept_errors", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},         // ngx_http_uwsgi_module
	{"uwsgi_limit_rate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_uwsgi_module
	{"uwsgi_max_temp_file_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},      // ngx_http_uwsgi_module
	{"uwsgi_modifier1", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},               // ngx_http_uwsgi_module
	{"uwsgi_modifier2", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},               // ngx_http_uwsgi_module
	{"uwsgi_next_upstream", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_uwsgi_module
	{"uwsgi_next_upstream_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},   // ngx_http_uwsgi_module
	{"uwsgi_next_upstream_tries", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_uwsgi_module
	{"uwsgi_no_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                // ngx_http_uwsgi_module #if (NGX_HTTP_CACHE)
	{"uwsgi_param", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake23}}},                  // ngx_http_uwsgi_module
	{"uwsgi_pass", []spec{{ctx: inLocation | inLocationIf, args: argTake1}}},                         // ngx_http_uwsgi_module
	{"uwsgi_pass_header", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_uwsgi_module
	{"uwsgi_pass_request_body", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_uwsgi_module
	{"uwsgi_pass_request_headers", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},     // ngx_http_uwsgi_module
	{"uwsgi_read_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_uwsgi_module
	{"uwsgi_request_buffering", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_uwsgi_module
	{"uwsgi_send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_uwsgi_module
	{"uwsgi_socket_keepalive", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},         // ngx_http_uwsgi_module
	{"uwsgi_ssl_certificate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},         // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_certificate_key", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},     // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_ciphers", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_conf_command", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},        // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_crl", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_name", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_password_file", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},       // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_protocols", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},           // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_server_name", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},          // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_session_reuse", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_trusted_certificate", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_verify", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},               // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_ssl_verify_depth", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},        // ngx_http_uwsgi_module #if (NGX_HTTP_SSL)
	{"uwsgi_store", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                   // ngx_http_uwsgi_module
	{"uwsgi_store_access", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},          // ngx_http_uwsgi_module
	{"uwsgi_string", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                  // ngx_http_uwsgi_module
	{"uwsgi_temp_file_write_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},    // ngx_http_uwsgi_module
	{"uwsgi_temp_path", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1234}}},            // ngx_http_uwsgi_module
	{"valid_referers", []spec{{ctx: inServer | inLocation, args: arg1More}}},                         // ngx_http_referer_module
	{"variables_hash_bucket_size", []spec{
		{ctx: inHTTP, args: argTake1},   // ngx_http_core_module
		{ctx: inStream, args: argTake1}, // ngx_stream_core_module
	}},
	{"variables_hash_max_size", []spec{
		{ctx: inHTTP, args: argTake1},   // ngx_http_core_module
		{ctx: inStream, args: argTake1}, // ngx_stream_core_module
	}},
	{"worker_aio_requests", []spec{{ctx: inEvents, args: argTake1}}},                     // ngx_epoll_module
	{"worker_connections", []spec{{ctx: inEvents, args: argTake1}}},                      // ngx_event_core_module
	{"worker_cpu_affinity", []spec{{ctx: inMain, args: arg1More}}},                       // ngx_core_module
	{"worker_priority", []spec{{ctx: inMain, args: argTake1}}},                           // ngx_core_module
	{"worker_processes", []spec{{ctx: inMain, args: argTake1}}},                          // ngx_core_module
	{"worker_rlimit_core", []spec{{ctx: inMain, args: argTake1}}},                        // ngx_core_module
	{"worker_rlimit_nofile", []spec{{ctx: inMain, args: argTake1}}},                      // ngx_core_module
	{"worker_shutdown_timeout", []spec{{ctx: inMain, args: argTake1}}},                   // ngx_core_module
	{"working_directory", []spec{{ctx: inMain, args: argTake1}}},                         // ngx_core_module
	{"xclient", []spec{{ctx: inMail | inMailServer, args: argFlag}}},                     // ngx_mail_proxy_module
	{"xml_entities", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},      // ngx_http_xslt_filter_module
	{"xslt_last_modified", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_xslt_filter_module
	{"xslt_param", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}},        // ngx_http_xslt_filter_module
	{"xslt_string_param", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake2}}}, // ngx_http_xslt_filter_module
	{"xslt_stylesheet", []spec{{ctx: inLocation, args: arg1More}}},                       // ngx_http_xslt_filter_module
	{"xslt_types", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},        // ngx_http_xslt_filter_module
	{"zone", []spec{
		{ctx: inUpstream, args: argTake12},       // ngx_http_upstream_zone_module
		{ctx: inStreamUpstream, args: argTake12}, // ngx_stream_upstream_zone_module
	}},
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
var directiveTableNewer = []directiveEntry{
	{"add_header_inherit", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}},  // ngx_http_headers_filter_module, since 1.29.3
	{"add_trailer_inherit", []spec{{ctx: inHTTP | inServer | inLocation | inLocationIf, args: argTake1}}}, // ngx_http_headers_filter_module, since 1.29.3
	{"client_body_early_read", []spec{{ctx: inHTTP | inServer, args: arg1More}}},                          // ngx_http_core_module, since HEAD
	{"early_hints", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},                        // ngx_http_core_module, since 1.29.0
	{"fastcgi_socket_rcvbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_fastcgi_module, since 1.31.3
	{"fastcgi_socket_sndbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_fastcgi_module, since 1.31.3
	{"grpc_socket_rcvbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_grpc_module, since 1.31.3
	{"grpc_socket_sndbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},                 // ngx_http_grpc_module, since 1.31.3
	{"grpc_ssl_certificate_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}},       // ngx_http_grpc_module #if (NGX_HTTP_SSL), since 1.27.4
	{"http2", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                                            // ngx_http_v2_module, since 1.25.1
	{"http3", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                                            // ngx_http_v3_module, since 1.25.0
	{"http3_hq", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                                         // ngx_http_v3_module, since 1.25.0
	{"http3_max_concurrent_streams", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                    // ngx_http_v3_module, since 1.25.0
	{"http3_stream_buffer_size", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                        // ngx_http_v3_module, since 1.25.0
	{"keepalive_min_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},              // ngx_http_core_module, since 1.27.4
	{"least_time", []spec{
		{ctx: inUpstream, args: argTake12},       // ngx_http_upstream_least_time_module, since 1.31.0
		{ctx: inStreamUpstream, args: argTake12}, // ngx_stream_upstream_least_time_module, since 1.31.0
	}},
	{"max_headers", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                     // ngx_http_core_module, since 1.29.8
	{"pass", []spec{{ctx: inStreamServer, args: argTake1}}},                               // ngx_stream_pass_module, since 1.25.5
	{"proxy_pass_trailers", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}}, // ngx_http_proxy_module, since 1.27.2
	{"proxy_socket_rcvbuf", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module, since 1.31.3
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module, since 1.31.3
	}},
	{"proxy_socket_sndbuf", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake1}, // ngx_http_proxy_module, since 1.31.3
		{ctx: inStream | inStreamServer, args: argTake1},      // ngx_stream_proxy_module, since 1.31.3
	}},
	{"proxy_ssl_alpn", []spec{{ctx: inStream | inStreamServer, args: arg1More}}}, // ngx_stream_proxy_module #if (NGX_STREAM_SSL), since 1.31.0
	{"proxy_ssl_certificate_cache", []spec{
		{ctx: inHTTP | inServer | inLocation, args: argTake123}, // ngx_http_proxy_module #if (NGX_HTTP_SSL), since 1.27.4
		{ctx: inStream | inStreamServer, args: argTake123},      // ngx_stream_proxy_module #if (NGX_STREAM_SSL), since 1.27.4
	}},
	{"quic_active_connection_id_limit", []spec{{ctx: inHTTP | inServer, args: argTake1}}}, // ngx_http_v3_module, since 1.25.0
	{"quic_bpf", []spec{{ctx: inMain, args: argFlag}}},                                    // ngx_quic_bpf_module, since 1.25.0
	{"quic_gso", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                         // ngx_http_v3_module, since 1.25.0
	{"quic_host_key", []spec{{ctx: inHTTP | inServer, args: argTake1}}},                   // ngx_http_v3_module, since 1.25.0
	{"quic_retry", []spec{{ctx: inHTTP | inServer, args: argFlag}}},                       // ngx_http_v3_module, since 1.25.0
	{"resolver", []spec{
		{ctx: inUpstream, args: arg1More},       // ngx_http_upstream_module #if (NGX_HTTP_UPSTREAM_ZONE), since 1.27.3
		{ctx: inStreamUpstream, args: arg1More}, // ngx_stream_upstream_module #if (NGX_STREAM_UPSTREAM_ZONE), since 1.27.3
	}},
	{"resolver_timeout", []spec{
		{ctx: inUpstream, args: argTake1},       // ngx_http_upstream_module #if (NGX_HTTP_UPSTREAM_ZONE), since 1.27.3
		{ctx: inStreamUpstream, args: argTake1}, // ngx_stream_upstream_module #if (NGX_STREAM_UPSTREAM_ZONE), since 1.27.3
	}},
	{"scgi_socket_rcvbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_scgi_module, since 1.31.3
	{"scgi_socket_sndbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}}, // ngx_http_scgi_module, since 1.31.3
	{"server_name", []spec{{ctx: inStreamServer, args: arg1More}}},                        // ngx_stream_core_module, since 1.25.5
	{"server_names_hash_bucket_size", []spec{{ctx: inStream, args: argTake1}}},            // ngx_stream_core_module, since 1.25.5
	{"server_names_hash_max_size", []spec{{ctx: inStream, args: argTake1}}},               // ngx_stream_core_module, since 1.25.5
	{"ssl_certificate_cache", []spec{
		{ctx: inHTTP | inServer, args: argTake123},         // ngx_http_ssl_module, since 1.27.4
		{ctx: inStream | inStreamServer, args: argTake123}, // ngx_stream_ssl_module, since 1.27.4
	}},
	{"ssl_certificate_compression", []spec{
		{ctx: inHTTP | inServer, args: argFlag},         // ngx_http_ssl_module, since 1.29.1
		{ctx: inStream | inStreamServer, args: argFlag}, // ngx_stream_ssl_module, since 1.29.1
		{ctx: inMail | inMailServer, args: argFlag},     // ngx_mail_ssl_module, since 1.29.1
	}},
	{"ssl_ech_file", []spec{
		{ctx: inHTTP | inServer, args: argTake1},         // ngx_http_ssl_module, since 1.29.4
		{ctx: inStream | inStreamServer, args: argTake1}, // ngx_stream_ssl_module, since 1.29.4
	}},
	{"ssl_object_cache_inheritable", []spec{{ctx: inMain, args: argFlag}}},                           // ngx_openssl_cache_module, since 1.27.4
	{"ssl_ocsp", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},                           // ngx_stream_ssl_module, since 1.27.2
	{"ssl_ocsp_cache", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},                     // ngx_stream_ssl_module, since 1.27.2
	{"ssl_ocsp_responder", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},                 // ngx_stream_ssl_module, since 1.27.2
	{"ssl_reject_handshake", []spec{{ctx: inStream | inStreamServer, args: argFlag}}},                // ngx_stream_ssl_module, since 1.25.5
	{"ssl_stapling", []spec{{ctx: inStream | inStreamServer, args: argFlag}}},                        // ngx_stream_ssl_module, since 1.27.2
	{"ssl_stapling_file", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},                  // ngx_stream_ssl_module, since 1.27.2
	{"ssl_stapling_responder", []spec{{ctx: inStream | inStreamServer, args: argTake1}}},             // ngx_stream_ssl_module, since 1.27.2
	{"ssl_stapling_verify", []spec{{ctx: inStream | inStreamServer, args: argFlag}}},                 // ngx_stream_ssl_module, since 1.27.2
	{"sticky", []spec{{ctx: inUpstream, args: arg2More}}},                                            // ngx_http_upstream_sticky_module, since 1.29.6
	{"tunnel_bind", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake12}}},                  // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_buffer_size", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},            // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_connect_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},        // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_next_upstream", []spec{{ctx: inHTTP | inServer | inLocation, args: arg1More}}},          // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_next_upstream_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},  // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_next_upstream_tries", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},    // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_pass", []spec{{ctx: inServer | inLocation | inLocationIf, args: argNoArgs | argTake1}}}, // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_read_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_send_lowat", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},             // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_send_timeout", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_socket_keepalive", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},        // ngx_http_tunnel_module, since 1.31.0
	{"tunnel_socket_rcvbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_tunnel_module, since 1.31.3
	{"tunnel_socket_sndbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},          // ngx_http_tunnel_module, since 1.31.3
	{"uwsgi_socket_rcvbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_uwsgi_module, since 1.31.3
	{"uwsgi_socket_sndbuf", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake1}}},           // ngx_http_uwsgi_module, since 1.31.3
	{"uwsgi_ssl_certificate_cache", []spec{{ctx: inHTTP | inServer | inLocation, args: argTake123}}}, // ngx_http_uwsgi_module #if (NGX_HTTP_SSL), since 1.27.4
	{"xml_external_entities", []spec{{ctx: inHTTP | inServer | inLocation, args: argFlag}}},          // ngx_http_xslt_filter_module, since 1.31.3
}
