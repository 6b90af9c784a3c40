package identity

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/lestrrat-go/jwx/v2/jwk"
)

// JWKSHandler serves the verification keys as a JSON Web Key Set ({"keys":[...]}) for
// GET and HEAD, and 405 for other methods. The set is read from Keys on every request,
// so rotation shows up without a restart; clients may cache it for five minutes.
// Only public Ed25519 keys are ever written, whatever a Keys implementation returns.
func (t *Tokens) JWKSHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		body, err := t.jwksJSON()
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "application/json")
		h.Set("Cache-Control", "public, max-age=300")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodGet {
			_, _ = w.Write(body)
		}
	})
}

// jwksJSON rebuilds the set from the public half of each key, keeping only kid, alg and
// use besides the key itself, so private or symmetric material cannot leak even if a
// Keys implementation puts it in PublicKeys.
func (t *Tokens) jwksJSON() ([]byte, error) {
	src := t.keys.PublicKeys()
	if src == nil {
		return nil, errors.New("identity: no public keys")
	}
	out := jwk.NewSet()
	for i := range src.Len() {
		key, _ := src.Key(i)
		if key == nil || key.KeyID() == "" {
			return nil, errors.New("identity: public key without kid")
		}
		pub, err := ed25519Public(key)
		if err != nil {
			return nil, err
		}
		pubJWK, err := jwk.FromRaw(pub)
		if err != nil {
			return nil, err
		}
		if err := setSigFields(pubJWK, key.KeyID()); err != nil {
			return nil, err
		}
		if err := out.AddKey(pubJWK); err != nil {
			return nil, err
		}
	}
	return json.Marshal(out)
}
