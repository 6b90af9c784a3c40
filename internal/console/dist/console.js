var d=class extends Error{constructor(t,r,s){super(r);this.code=t;this.requestId=s}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}};async function g(e,o,t={}){let r={"Content-Type":"application/json"};t.token&&(r.Authorization=`Bearer ${t.token}`),t.tenantId&&(r["X-Tenant-Id"]=t.tenantId),t.env&&(r["X-Env"]=t.env),t.projectId&&(r["X-Project-Id"]=t.projectId);let s=e.__meta__?.hash,i=s?{variables:o,extensions:{persistedQuery:{version:1,sha256Hash:s}}}:{query:e.toString(),variables:o},u;try{u=await fetch("/query",{method:"POST",headers:r,body:JSON.stringify(i)})}catch(R){throw new d("NETWORK",`the API did not answer: ${String(R)}`,"")}let a=u.headers.get("X-Request-Id")??"",l;try{l=await u.json()}catch{throw new d(`HTTP_${u.status}`,"the API answered something that is not GraphQL",a)}let y=l.errors?.[0];if(y)throw new d(y.extensions?.code??"ERROR",y.message,a);if(l.data==null)throw new d(`HTTP_${u.status}`,"no data in the answer",a);return l.data}var c=class extends String{__apiType;value;__meta__;constructor(o,t){super(o),this.value=o,this.__meta__=t}toString(){return this.value}},b=new c(`
    query ConsoleTenants {
  tenants {
    id
    name
    mode {
      id
      name
    }
  }
}
    `,{hash:"sha256:9baea9c822e9b5d39d098106b94633aedbbf29722846933fca7d987b46d57444"}),$=new c(`
    query ConsoleAuditLog($first: Int, $after: String, $action: String) {
  auditEvents(first: $first, after: $after, action: $action) {
    edges {
      node {
        id
        at
        action
        targetType
        targetId
        requestId
        actor {
          kind
          id
          label
        }
        changes {
          field
          from
          to
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `,{hash:"sha256:483a6db1802d536ce9147874e28f01f1426c82f19f34052e6cb60f3977d96348"}),x=new c(`
    mutation ConsoleLogin($input: LoginInput!) {
  login(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),L=new c(`
    mutation ConsoleRefresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),I=new c(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"});var E={"\n  query ConsoleTenants {\n    tenants { id name mode { id name } }\n  }\n":b,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":$,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":x,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":L,"\n  mutation ConsoleLogout {\n    logout\n  }\n":I};function p(e){return E[e]??{}}var P=p(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),_=p(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),M=p(`
  mutation ConsoleLogout {
    logout
  }
`),m="northstar.refresh",f=null;function S(e){return e.refreshToken&&sessionStorage.setItem(m,e.refreshToken),f={token:e.token,email:e.user.email,userId:e.user.id},f}function T(){return f}async function q(e,o){let t=await g(P,{input:{email:e,password:o}});return S(t.login)}async function w(){let e=sessionStorage.getItem(m);if(!e)return null;try{let o=await g(_,{refreshToken:e});return S(o.refreshSession)}catch{return sessionStorage.removeItem(m),null}}async function D(){let e=f;f=null,sessionStorage.removeItem(m),e&&await g(M,{},{token:e.token}).catch(()=>{})}var V=p(`
  query ConsoleTenants {
    tenants { id name mode { id name } }
  }
`),N=p(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String) {
    auditEvents(first: $first, after: $after, action: $action) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),k=document.getElementById("app");function n(e,o={},...t){let r=document.createElement(e);for(let[s,i]of Object.entries(o))r.setAttribute(s,i);return r.append(...t),r}function C(e,o){let t=o instanceof d?o.describe():`UNEXPECTED: ${String(o)}`;e.replaceChildren(n("p",{role:"alert",class:"error"},t))}function h(){let e=n("input",{id:"email",type:"email",autocomplete:"username",required:""}),o=n("input",{id:"password",type:"password",autocomplete:"current-password",required:""}),t=n("div",{"aria-live":"polite"}),r=n("form",{id:"sign-in"},n("h1",{},"Northstar console"),n("label",{for:"email"},"Email"),e,n("label",{for:"password"},"Password"),o,n("button",{type:"submit"},"Sign in"),t);r.addEventListener("submit",s=>{s.preventDefault(),q(e.value,o.value).then(v,i=>C(t,i))}),k.replaceChildren(r),e.focus()}async function v(){let e=T();if(!e)return h();let o=n("main",{}),t=n("button",{id:"sign-out",type:"button"},"Sign out");t.addEventListener("click",()=>{D().then(h)}),k.replaceChildren(n("header",{},n("span",{id:"who"},e.email),t),o);try{let{tenants:r}=await g(V,{},{token:e.token}),s=n("ul",{id:"tenants"});for(let i of r){let u=n("button",{type:"button","data-tenant":i.id},`${i.name} (${i.mode.name})`);u.addEventListener("click",()=>{Q(i.id,i.name)}),s.append(n("li",{},u))}o.replaceChildren(n("h2",{},"Your tenants"),s)}catch(r){C(o,r)}}async function Q(e,o){let t=T();if(!t)return h();let r=document.querySelector("main")??k;try{let{auditEvents:s}=await g(N,{first:20},{token:t.token,tenantId:e}),i=s.edges.map(({node:a})=>n("tr",{},n("td",{},a.at),n("td",{class:"action"},a.action),n("td",{},`${a.targetType} ${a.targetId}`),n("td",{},a.actor.label??a.actor.id),n("td",{},a.changes.map(l=>`${l.field}: ${l.from??"\u2205"} \u2192 ${l.to??"\u2205"}`).join("; ")))),u=n("table",{id:"audit"},n("thead",{},n("tr",{},...["When","Action","Target","By","Changes"].map(a=>n("th",{scope:"col"},a)))),n("tbody",{},...i));r.replaceChildren(n("h2",{},`Audit log of ${o}`),u)}catch(s){C(r,s)}}w().then(e=>e?v():h());
