package identity

import (
	"regexp"
	"strings"
	"testing"
)

// testParams are cheap argon2id parameters so the suite stays fast.
func testParams() Argon2Params {
	return Argon2Params{Memory: 64, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

func mustHash(t testing.TB, h *PasswordHasher, password string) string {
	t.Helper()
	encoded, err := h.Hash(password)
	if err != nil {
		t.Fatalf("Hash: %v", err)
	}
	return encoded
}

func TestPasswordHashVerifyRoundTrip(t *testing.T) {
	h := NewPasswordHasher(testParams())
	for _, pw := range []string{"correct horse battery staple", "", "пароль🔑", strings.Repeat("x", 4096)} {
		encoded := mustHash(t, h, pw)
		ok, err := h.Verify(encoded, pw)
		if err != nil || !ok {
			t.Errorf("Verify(own hash) = %v, %v; want true, nil", ok, err)
		}
	}
}

func TestPasswordHashFormat(t *testing.T) {
	h := NewPasswordHasher(testParams())
	a, b := mustHash(t, h, "pw"), mustHash(t, h, "pw")
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !phc.MatchString(a) {
		t.Errorf("hash %q is not PHC argon2id with the configured params", a)
	}
	if a == b {
		t.Error("two hashes of the same password are equal; salt is not random")
	}
}

func TestPasswordWrongPassword(t *testing.T) {
	h := NewPasswordHasher(testParams())
	encoded := mustHash(t, h, "secret")
	for _, pw := range []string{"Secret", "secret ", "", "secre"} {
		ok, err := h.Verify(encoded, pw)
		if err != nil || ok {
			t.Errorf("Verify(%q) = %v, %v; want false, nil", pw, ok, err)
		}
	}
}

func TestPasswordParamsFromHash(t *testing.T) {
	old := NewPasswordHasher(testParams())
	encoded := mustHash(t, old, "pw")

	stronger := testParams()
	stronger.Memory, stronger.Iterations, stronger.Parallelism = 256, 3, 2
	current := NewPasswordHasher(stronger)
	if ok, err := current.Verify(encoded, "pw"); err != nil || !ok {
		t.Fatalf("hash made with old params: Verify = %v, %v; want true, nil", ok, err)
	}
	if got := mustHash(t, current, "pw"); !strings.Contains(got, "$m=256,t=3,p=2$") {
		t.Errorf("new hash %q does not record the current params", got)
	}

	// The params really are read from the string: changing them changes the result.
	edited := strings.Replace(encoded, "$m=64,t=1,p=1$", "$m=64,t=2,p=1$", 1)
	if ok, err := current.Verify(edited, "pw"); err != nil || ok {
		t.Errorf("hash with edited params: Verify = %v, %v; want false, nil", ok, err)
	}
}

func TestPasswordMalformedHash(t *testing.T) {
	h := NewPasswordHasher(testParams())
	good := mustHash(t, h, "pw")
	parts := strings.Split(good, "$") // "", "argon2id", "v=19", "m=…", salt, hash
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	tests := []struct {
		name    string
		encoded string
	}{
		{"Empty", ""},
		{"Garbage", "not a hash"},
		{"OnlyDollars", "$$$$$"},
		{"Argon2i", with(1, "argon2i")},
		{"Bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{"OldVersion", with(2, "v=16")},
		{"NoVersion", strings.Replace(good, "$v=19", "", 1)},
		{"TwoParams", with(3, "m=64,t=1")},
		{"ParamsReordered", with(3, "t=1,m=64,p=1")},
		{"ZeroIterations", with(3, "m=64,t=0,p=1")},
		{"ZeroParallelism", with(3, "m=64,t=1,p=0")},
		{"MemoryBelowLanes", with(3, "m=7,t=1,p=1")},
		{"MemoryTooLarge", with(3, "m=4294967295,t=1,p=1")},
		{"MemoryOverflow", with(3, "m=99999999999,t=1,p=1")},
		{"ParallelismOverflow", with(3, "m=64,t=1,p=256")},
		{"PlusSign", with(3, "m=+64,t=1,p=1")},
		{"Negative", with(3, "m=-64,t=1,p=1")},
		{"Space", with(3, "m= 64,t=1,p=1")},
		{"EmptyNumber", with(3, "m=,t=1,p=1")},
		{"SaltNotBase64", with(4, "!!!!")},
		{"SaltPadded", with(4, "c2FsdHNhbHRzYWx0c2FsdA==")},
		{"SaltTooShort", with(4, "c2FsdA")},
		{"HashEmpty", with(5, "")},
		{"HashTooShort", with(5, "aGFzaGhhc2g")},
		{"ExtraField", good + "$extra"},
		{"LeadingText", "x" + good},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := h.Verify(tt.encoded, "pw")
			if err == nil || ok {
				t.Fatalf("Verify = %v, %v; want false and an error", ok, err)
			}
		})
	}
}

func TestPasswordHashRejectsBadParams(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Argon2Params)
	}{
		{"ZeroIterations", func(p *Argon2Params) { p.Iterations = 0 }},
		{"ZeroParallelism", func(p *Argon2Params) { p.Parallelism = 0 }},
		{"TinyMemory", func(p *Argon2Params) { p.Memory = 4 }},
		{"ShortSalt", func(p *Argon2Params) { p.SaltLength = 4 }},
		{"ShortKey", func(p *Argon2Params) { p.KeyLength = 8 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testParams()
			tt.edit(&p)
			h := NewPasswordHasher(p)
			if _, err := h.Hash("pw"); err == nil {
				t.Fatal("Hash with invalid params succeeded")
			}
			h.VerifyDummy("pw") // must not panic
		})
	}
}

func TestPasswordVerifyDummy(t *testing.T) {
	NewPasswordHasher(testParams()).VerifyDummy("whatever") // must not panic
}

func BenchmarkPasswordHash(b *testing.B) {
	h := NewPasswordHasher(DefaultArgon2Params())
	for b.Loop() {
		if _, err := h.Hash("correct horse battery staple"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPasswordVerify(b *testing.B) {
	h := NewPasswordHasher(DefaultArgon2Params())
	encoded := mustHash(b, h, "correct horse battery staple")
	for b.Loop() {
		if ok, err := h.Verify(encoded, "correct horse battery staple"); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkPasswordVerifyDummy(b *testing.B) {
	h := NewPasswordHasher(DefaultArgon2Params())
	for b.Loop() {
		h.VerifyDummy("correct horse battery staple")
	}
}
