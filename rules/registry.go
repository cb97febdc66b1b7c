package rules

// All is every rule, in id order. Adding a rule: write its file, add it
// here, add testdata/rules/WS0NN/ fixtures.
var All = []*Rule{
	WS001,
	WS002,
	WS003,
	WS004,
	WS005,
	WS006,
	WS007,
	WS008,
	WS009,
	WS010,
	WS011,
	WS012,
	WS013,
	WS014,
	WS015,
}
