package routing

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// RedisConfig is how to reach the Redis of a redis or redis-cluster route. Route.Redis
// reads it by the very rules CheckBackend applies, so whoever dials a route (the chat bus)
// connects to exactly what validation accepted.
type RedisConfig struct {
	// Addrs are host:port addresses: a redis route's server (config "address"), or a
	// redis-cluster route's seed nodes (config "addresses", comma-separated).
	Addrs []string
	// Cluster is set for redis-cluster routes.
	Cluster bool
	// DB is a redis route's database number (config "db"); 0 when absent.
	DB int
	// Username is the ACL user (config "username"); empty for the default user.
	Username string
	// PasswordRef is the reference of the route's "password" secret; empty for none.
	PasswordRef string
}

// Redis returns r's Redis settings. Returns a *FieldError (BAD_USER_INPUT) naming
// backendType when r is not a Redis route, or what CheckBackend finds at fault.
func (r Route) Redis() (RedisConfig, error) {
	if err := CheckBackend(r.BackendType, r.Config); err != nil {
		return RedisConfig{}, err
	}
	read := backends[r.BackendType].redis
	if read == nil {
		return RedisConfig{}, fieldErr("backendType", "%q is not a Redis backend; use %s", r.BackendType, strings.Join(redisTypes(), " or "))
	}
	c, err := read(r.Config)
	c.Username, c.PasswordRef = r.Config["username"], r.Secret("password")
	return c, err
}

// redisTypes returns the Redis backend types, sorted.
func redisTypes() []string {
	var out []string
	for _, t := range slices.Sorted(maps.Keys(backends)) {
		if backends[t].redis != nil {
			out = append(out, t)
		}
	}
	return out
}

var redisDBPattern = regexp.MustCompile(`^[0-9]{1,2}$`)

func redisConfig(cfg map[string]string) (RedisConfig, error) {
	addr := cfg["address"]
	if err := hostPort("config.address", addr); err != nil {
		return RedisConfig{}, err
	}
	c := RedisConfig{Addrs: []string{addr}}
	if db, ok := cfg["db"]; ok {
		if !redisDBPattern.MatchString(db) {
			return RedisConfig{}, fieldErr("config.db", "must be a database number")
		}
		c.DB, _ = strconv.Atoi(db) // one or two digits
	}
	return c, nil
}

func redisClusterConfig(cfg map[string]string) (RedisConfig, error) {
	c := RedisConfig{Cluster: true}
	for _, a := range strings.Split(cfg["addresses"], ",") {
		a = strings.TrimSpace(a)
		if err := hostPort("config.addresses", a); err != nil {
			return RedisConfig{}, err
		}
		c.Addrs = append(c.Addrs, a)
	}
	return c, nil
}
