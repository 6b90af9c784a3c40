var h=class extends Error{constructor(o,r,a){super(r);this.code=o;this.requestId=a}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}};async function c(t,n,o={}){let r={"Content-Type":"application/json"};o.token&&(r.Authorization=`Bearer ${o.token}`),o.tenantId&&(r["X-Tenant-Id"]=o.tenantId),o.env&&(r["X-Env"]=o.env),o.projectId&&(r["X-Project-Id"]=o.projectId);let a=t.__meta__?.hash,s=a?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:a}}}:{query:t.toString(),variables:n},u;try{u=await fetch("/query",{method:"POST",headers:r,body:JSON.stringify(s)})}catch(C){throw new h("NETWORK",`the API did not answer: ${String(C)}`,"")}let i=u.headers.get("X-Request-Id")??"",p;try{p=await u.json()}catch{throw new h(`HTTP_${u.status}`,"the API answered something that is not GraphQL",i)}let f=p.errors?.[0];if(f)throw new h(f.extensions?.code??"ERROR",f.message,i);if(p.data==null)throw new h(`HTTP_${u.status}`,"no data in the answer",i);return p.data}function e(t,n={},...o){let r=document.createElement(t);for(let[a,s]of Object.entries(n))r.setAttribute(a,s);return r.append(...o),r}function y(t,n,o){let r=e("button",{type:"button",...n},t);return r.addEventListener("click",o),r}function g(t,n){let o=n instanceof h?n.describe():`UNEXPECTED: ${String(n)}`;t.replaceChildren(e("p",{role:"alert",class:"error"},o))}function b(t,n,o={}){return[e("label",{for:t},n),e("input",{id:t,...o})]}var m=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},M=new m(`
    query ConsoleHome {
  tenants {
    id
    name
    mode {
      id
      name
    }
  }
  myInvitations {
    id
    tenantId
    role
    expiresAt
  }
}
    `,{hash:"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}),P=new m(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),E=new m(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),w=new m(`
    mutation ConsoleSignup($input: SignupInput!) {
  signup(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),L=new m(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),j=new m(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),V=new m(`
    query ConsoleMembers {
  members {
    userId
    role
    version
    user {
      email
    }
  }
  invitations {
    id
    email
    role
    status
    expiresAt
  }
}
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),N=new m(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),Q=new m(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),H=new m(`
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
    `,{hash:"sha256:483a6db1802d536ce9147874e28f01f1426c82f19f34052e6cb60f3977d96348"}),_=new m(`
    query ConsoleRoles {
  context {
    roles
  }
}
    `,{hash:"sha256:0a37bf7f0e518cca76585c0d8ead2f8f3c65226b0d37f1dbdb937346ef557016"}),O=new m(`
    query ConsoleProjects {
  projects(first: 100) {
    edges {
      node {
        id
        name
        version
      }
    }
  }
}
    `,{hash:"sha256:11b1eb10a2e657e7f12464f9795d791483c0768b4fe4fde9c1d712455d0b86d2"}),K=new m(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"});var Z={"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n":M,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":P,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":E,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":w,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":L,"\n  mutation ConsoleLogout {\n    logout\n  }\n":j,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":V,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":N,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":Q,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":H,"\n  query ConsoleRoles {\n    context { roles }\n  }\n":_,"\n  query ConsoleProjects {\n    projects(first: 100) { edges { node { id name version } } }\n  }\n":O,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":K};function d(t){return Z[t]??{}}var ee=d(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),te=d(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),ne=d(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),oe=d(`
  mutation ConsoleLogout {
    logout
  }
`),k="northstar.refresh",I=null;function D(t){return t.refreshToken&&sessionStorage.setItem(k,t.refreshToken),I={token:t.token,email:t.user.email,userId:t.user.id},I}function B(){return I}async function W(t,n){let o=await c(ee,{input:{email:t,password:n}});return D(o.login)}async function G(t,n,o){let r=await c(te,{input:{email:t,password:n,tenantName:o}});return D(r.signup)}async function X(){let t=sessionStorage.getItem(k);if(!t)return null;try{let n=await c(ne,{refreshToken:t});return D(n.refreshSession)}catch{return sessionStorage.removeItem(k),null}}async function U(){let t=I;I=null,sessionStorage.removeItem(k),t&&await c(oe,{},{token:t.token}).catch(()=>{})}var re=d(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),se=d(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),ie=d(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),ae=d(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String) {
    auditEvents(first: $first, after: $after, action: $action) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),ue=["VIEWER","MEMBER","ADMIN","OWNER"],le=d(`
  query ConsoleRoles {
    context { roles }
  }
`),pe=d(`
  query ConsoleProjects {
    projects(first: 100) { edges { node { id name version } } }
  }
`),ce=d(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`);async function Y(t,n,o,r){let a=e("section",{});try{let{context:s}=await c(le,{},{token:t.token,tenantId:o}),u=s.roles.some(p=>p==="ADMIN"||p==="OWNER"),i=e("nav",{"aria-label":"Tenant"},y("Projects",{id:"tab-projects"},()=>{R(t,a,o,u)}));u&&i.append(y("Members",{id:"tab-members"},()=>{S(t,a,o)}),y("Audit log",{id:"tab-audit"},()=>{de(t,a,o)})),n.replaceChildren(e("h2",{id:"tenant-name"},r),e("p",{id:"role"},`Your role: ${s.roles.join(", ")}`),i,a),R(t,a,o,u)}catch(s){g(n,s)}}async function R(t,n,o,r){let a={token:t.token,tenantId:o};try{let{projects:s}=await c(pe,{},a),u=e("ul",{id:"projects"},...s.edges.map(({node:p})=>e("li",{},`${p.name} (version ${p.version})`))),i=[e("h3",{},"Projects"),u];if(r){let[p,f]=b("project-name","Name",{required:""}),C=e("div",{"aria-live":"polite"}),v=e("form",{id:"create-project"},p,f,e("button",{type:"submit"},"Create project"),C);v.addEventListener("submit",x=>{x.preventDefault(),c(ce,{input:{tenantId:o,name:f.value}},a).then(()=>R(t,n,o,r),l=>g(C,l))}),i.push(v)}n.replaceChildren(...i)}catch(s){g(n,s)}}async function S(t,n,o){let r={token:t.token,tenantId:o};try{let{members:a,invitations:s}=await c(re,{},r),u=a.map(l=>e("tr",{},e("td",{},l.user?.email??l.userId),e("td",{},l.role))),i=s.map(l=>{let T=[e("td",{},l.email),e("td",{},l.role),e("td",{class:"status"},l.status),e("td",{},l.expiresAt)],A=e("td",{});return l.status==="PENDING"&&A.append(y("Revoke",{"aria-label":`Revoke the invitation of ${l.email}`},()=>{c(ie,{id:l.id},r).then(()=>S(t,n,o),J=>g(v,J))})),e("tr",{},...T,A)}),[p,f]=b("invite-email","Email",{type:"email",required:""}),C=e("select",{id:"invite-role"},...ue.map(l=>e("option",l==="MEMBER"?{value:l,selected:""}:{value:l},l))),v=e("div",{"aria-live":"polite"}),x=e("form",{id:"invite"},e("h3",{},"Invite someone"),p,f,e("label",{for:"invite-role"},"Role"),C,e("button",{type:"submit"},"Invite"),v);x.addEventListener("submit",l=>{l.preventDefault(),c(se,{input:{tenantId:o,email:f.value,role:C.value}},r).then(()=>S(t,n,o),T=>g(v,T))}),n.replaceChildren(e("h3",{},"Members"),e("table",{id:"members"},e("thead",{},e("tr",{},e("th",{scope:"col"},"Email"),e("th",{scope:"col"},"Role"))),e("tbody",{},...u)),e("h3",{},"Invitations"),e("table",{id:"invitations"},e("thead",{},e("tr",{},...["Email","Role","Status","Expires",""].map(l=>e("th",{scope:"col"},l)))),e("tbody",{},...i)),x)}catch(a){g(n,a)}}async function de(t,n,o){try{let{auditEvents:r}=await c(ae,{first:20},{token:t.token,tenantId:o}),a=r.edges.map(({node:s})=>e("tr",{},e("td",{},s.at),e("td",{class:"action"},s.action),e("td",{},`${s.targetType} ${s.targetId}`),e("td",{},s.actor.label??s.actor.id),e("td",{},s.changes.map(u=>`${u.field}: ${u.from??"\u2205"} \u2192 ${u.to??"\u2205"}`).join("; "))));n.replaceChildren(e("h3",{},"Audit log"),e("table",{id:"audit"},e("thead",{},e("tr",{},...["When","Action","Target","By","Changes"].map(s=>e("th",{scope:"col"},s)))),e("tbody",{},...a)))}catch(r){g(n,r)}}var me=d(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`),ge=d(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),z=document.getElementById("app");function q(){let[t,n]=b("email","Email",{type:"email",autocomplete:"username",required:""}),[o,r]=b("password","Password",{type:"password",autocomplete:"current-password",required:""}),[a,s]=b("tenant-name","New tenant (sign up only)",{type:"text"}),u=e("div",{"aria-live":"polite"}),i=e("form",{id:"sign-in"},e("h1",{},"Northstar console"),t,n,o,r,e("button",{type:"submit"},"Sign in"),a,s,y("Sign up",{id:"sign-up"},()=>{G(n.value,r.value,s.value).then($,p=>g(u,p))}),u);i.addEventListener("submit",p=>{p.preventDefault(),W(n.value,r.value).then($,f=>g(u,f))}),z.replaceChildren(i),n.focus()}async function $(){let t=B();if(!t)return q();let n=e("main",{});z.replaceChildren(e("header",{},e("span",{id:"who"},t.email),y("Sign out",{id:"sign-out"},()=>{U().then(q)})),n);try{let{tenants:o,myInvitations:r}=await c(me,{},{token:t.token}),a=e("ul",{id:"tenants"},...o.map(i=>e("li",{},y(`${i.name} (${i.mode.name})`,{"data-tenant":i.id},()=>{Y(t,n,i.id,i.name)})))),s=e("div",{"aria-live":"polite"}),u=e("ul",{id:"my-invitations"},...r.map(i=>e("li",{},`${i.role} in ${i.tenantId} `,y("Accept",{"data-invitation":i.id},()=>{c(ge,{id:i.id},{token:t.token}).then($,p=>g(s,p))}))));n.replaceChildren(e("h2",{},"Your tenants"),a,...r.length>0?[e("h2",{},"Invitations for you"),u,s]:[])}catch(o){g(n,o)}}X().then(t=>t?$():q());
