var y=class extends Error{constructor(o,i,r){super(i);this.code=o;this.requestId=r}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}};async function p(t,n,o={}){let i={"Content-Type":"application/json"};o.token&&(i.Authorization=`Bearer ${o.token}`),o.tenantId&&(i["X-Tenant-Id"]=o.tenantId),o.env&&(i["X-Env"]=o.env),o.projectId&&(i["X-Project-Id"]=o.projectId);let r=t.__meta__?.hash,s=r?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:r}}}:{query:t.toString(),variables:n},l;try{l=await fetch("/query",{method:"POST",headers:i,body:JSON.stringify(s)})}catch(C){throw new y("NETWORK",`the API did not answer: ${String(C)}`,"")}let u=l.headers.get("X-Request-Id")??"",c;try{c=await l.json()}catch{throw new y(`HTTP_${l.status}`,"the API answered something that is not GraphQL",u)}let h=c.errors?.[0];if(h)throw new y(h.extensions?.code??"ERROR",h.message,u);if(c.data==null)throw new y(`HTTP_${l.status}`,"no data in the answer",u);return c.data}function e(t,n={},...o){let i=document.createElement(t);for(let[r,s]of Object.entries(n))i.setAttribute(r,s);return i.append(...o),i}function f(t,n,o){let i=e("button",{type:"button",...n},t);return i.addEventListener("click",o),i}function g(t,n){let o=n instanceof y?n.describe():`UNEXPECTED: ${String(n)}`;t.replaceChildren(e("p",{role:"alert",class:"error"},o))}function v(t,n,o={}){return[e("label",{for:t},n),e("input",{id:t,...o})]}var m=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},M=new m(`
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
    `,{hash:"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}),E=new m(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),L=new m(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),q=new m(`
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
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),w=new m(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),P=new m(`
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
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),H=new m(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),_=new m(`
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
    `,{hash:"sha256:483a6db1802d536ce9147874e28f01f1426c82f19f34052e6cb60f3977d96348"});var z={"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n":M,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":E,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":L,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":q,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":w,"\n  mutation ConsoleLogout {\n    logout\n  }\n":P,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":V,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":N,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":H,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":_};function d(t){return z[t]??{}}var J=d(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),Y=d(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),F=d(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),Z=d(`
  mutation ConsoleLogout {
    logout
  }
`),b="northstar.refresh",I=null;function D(t){return t.refreshToken&&sessionStorage.setItem(b,t.refreshToken),I={token:t.token,email:t.user.email,userId:t.user.id},I}function Q(){return I}async function O(t,n){let o=await p(J,{input:{email:t,password:n}});return D(o.login)}async function j(t,n,o){let i=await p(Y,{input:{email:t,password:n,tenantName:o}});return D(i.signup)}async function K(){let t=sessionStorage.getItem(b);if(!t)return null;try{let n=await p(F,{refreshToken:t});return D(n.refreshSession)}catch{return sessionStorage.removeItem(b),null}}async function B(){let t=I;I=null,sessionStorage.removeItem(b),t&&await p(Z,{},{token:t.token}).catch(()=>{})}var ee=d(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),te=d(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),ne=d(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),oe=d(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String) {
    auditEvents(first: $first, after: $after, action: $action) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),ie=["VIEWER","MEMBER","ADMIN","OWNER"];function G(t,n,o,i){let r=e("section",{}),s=e("nav",{"aria-label":"Tenant"},f("Members",{id:"tab-members"},()=>{k(t,r,o)}),f("Audit log",{id:"tab-audit"},()=>{se(t,r,o)}));n.replaceChildren(e("h2",{id:"tenant-name"},i),s,r),k(t,r,o)}async function k(t,n,o){let i={token:t.token,tenantId:o};try{let{members:r,invitations:s}=await p(ee,{},i),l=r.map(a=>e("tr",{},e("td",{},a.user?.email??a.userId),e("td",{},a.role))),u=s.map(a=>{let $=[e("td",{},a.email),e("td",{},a.role),e("td",{class:"status"},a.status),e("td",{},a.expiresAt)],A=e("td",{});return a.status==="PENDING"&&A.append(f("Revoke",{"aria-label":`Revoke the invitation of ${a.email}`},()=>{p(ne,{id:a.id},i).then(()=>k(t,n,o),X=>g(T,X))})),e("tr",{},...$,A)}),[c,h]=v("invite-email","Email",{type:"email",required:""}),C=e("select",{id:"invite-role"},...ie.map(a=>e("option",a==="MEMBER"?{value:a,selected:""}:{value:a},a))),T=e("div",{"aria-live":"polite"}),R=e("form",{id:"invite"},e("h3",{},"Invite someone"),c,h,e("label",{for:"invite-role"},"Role"),C,e("button",{type:"submit"},"Invite"),T);R.addEventListener("submit",a=>{a.preventDefault(),p(te,{input:{tenantId:o,email:h.value,role:C.value}},i).then(()=>k(t,n,o),$=>g(T,$))}),n.replaceChildren(e("h3",{},"Members"),e("table",{id:"members"},e("thead",{},e("tr",{},e("th",{scope:"col"},"Email"),e("th",{scope:"col"},"Role"))),e("tbody",{},...l)),e("h3",{},"Invitations"),e("table",{id:"invitations"},e("thead",{},e("tr",{},...["Email","Role","Status","Expires",""].map(a=>e("th",{scope:"col"},a)))),e("tbody",{},...u)),R)}catch(r){g(n,r)}}async function se(t,n,o){try{let{auditEvents:i}=await p(oe,{first:20},{token:t.token,tenantId:o}),r=i.edges.map(({node:s})=>e("tr",{},e("td",{},s.at),e("td",{class:"action"},s.action),e("td",{},`${s.targetType} ${s.targetId}`),e("td",{},s.actor.label??s.actor.id),e("td",{},s.changes.map(l=>`${l.field}: ${l.from??"\u2205"} \u2192 ${l.to??"\u2205"}`).join("; "))));n.replaceChildren(e("h3",{},"Audit log"),e("table",{id:"audit"},e("thead",{},e("tr",{},...["When","Action","Target","By","Changes"].map(s=>e("th",{scope:"col"},s)))),e("tbody",{},...r)))}catch(i){g(n,i)}}var re=d(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`),ae=d(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),W=document.getElementById("app");function S(){let[t,n]=v("email","Email",{type:"email",autocomplete:"username",required:""}),[o,i]=v("password","Password",{type:"password",autocomplete:"current-password",required:""}),[r,s]=v("tenant-name","New tenant (sign up only)",{type:"text"}),l=e("div",{"aria-live":"polite"}),u=e("form",{id:"sign-in"},e("h1",{},"Northstar console"),t,n,o,i,e("button",{type:"submit"},"Sign in"),r,s,f("Sign up",{id:"sign-up"},()=>{j(n.value,i.value,s.value).then(x,c=>g(l,c))}),l);u.addEventListener("submit",c=>{c.preventDefault(),O(n.value,i.value).then(x,h=>g(l,h))}),W.replaceChildren(u),n.focus()}async function x(){let t=Q();if(!t)return S();let n=e("main",{});W.replaceChildren(e("header",{},e("span",{id:"who"},t.email),f("Sign out",{id:"sign-out"},()=>{B().then(S)})),n);try{let{tenants:o,myInvitations:i}=await p(re,{},{token:t.token}),r=e("ul",{id:"tenants"},...o.map(u=>e("li",{},f(`${u.name} (${u.mode.name})`,{"data-tenant":u.id},()=>G(t,n,u.id,u.name))))),s=e("div",{"aria-live":"polite"}),l=e("ul",{id:"my-invitations"},...i.map(u=>e("li",{},`${u.role} in ${u.tenantId} `,f("Accept",{"data-invitation":u.id},()=>{p(ae,{id:u.id},{token:t.token}).then(x,c=>g(s,c))}))));n.replaceChildren(e("h2",{},"Your tenants"),r,...i.length>0?[e("h2",{},"Invitations for you"),l,s]:[])}catch(o){g(n,o)}}K().then(t=>t?x():S());
