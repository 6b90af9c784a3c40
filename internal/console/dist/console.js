var B=class extends Error{constructor(o,r,d){super(r);this.code=o;this.requestId=d}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}},be=null;function je(e){be=e}async function C(e,n,o={}){try{return await Ee(e,n,o)}catch(r){if(!(r instanceof B)||r.code!=="UNAUTHENTICATED"||!o.session||!be||!await be())throw r;return Ee(e,n,o)}}async function Ee(e,n,o){let r={"Content-Type":"application/json"};o.session&&(r.Authorization=`Bearer ${o.session.token}`),o.tenantId&&(r["X-Tenant-Id"]=o.tenantId),o.env&&(r["X-Env"]=o.env),o.projectId&&(r["X-Project-Id"]=o.projectId);let d=e.__meta__?.hash,u=d?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:d}}}:{query:e.toString(),variables:n},m;try{m=await fetch("/query",{method:"POST",headers:r,body:JSON.stringify(u)})}catch(l){throw new B("NETWORK",`the API did not answer: ${String(l)}`,"")}let h=m.headers.get("X-Request-Id")??"",a;try{a=await m.json()}catch{throw new B(`HTTP_${m.status}`,"the API answered something that is not GraphQL",h)}let $=a.errors?.[0];if($)throw new B($.extensions?.code??"ERROR",$.message,h);if(a.data==null)throw new B(`HTTP_${m.status}`,"no data in the answer",h);return a.data}function t(e,n={},...o){let r=document.createElement(e);for(let[d,u]of Object.entries(n))r.setAttribute(d,u);return r.append(...o),r}function P(e,n,o){let r=t("button",{type:"button",...n},e);return r.addEventListener("click",o),r}function x(e,n){let o=n instanceof B?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function L(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}function _(e,n,o){return t("table",{id:e},t("thead",{},t("tr",{},...n.map(r=>t("th",{scope:"col"},r)))),t("tbody",{},...o))}function O(...e){return t("tr",{},...e.map(n=>t("td",{},n)))}function V(e={}){return t("div",{"aria-live":"polite",...e})}function U(e,n,o){e.addEventListener("submit",r=>{r.preventDefault(),n.replaceChildren(),o().catch(d=>x(n,d))})}function Y(e,n,o,r){let d=t("select",{id:e},...o.map(([u,m])=>t("option",u===r?{value:u,selected:""}:{value:u},m)));return[t("label",{for:e},n),d]}function ue(e){let n=t("div",{},t("p",{},"Loading\u2026"));return e.replaceChildren(n),n}var ge=["dev","staging","prod"];function pe(e){return e.roles.some(n=>n==="ADMIN"||n==="OWNER")}function D(e){let n={session:e.session,tenantId:e.tenantId,env:e.env};return e.projectId&&(n.projectId=e.projectId),n}var Ie=[];function ye(e){Ie.push(e)}function re(){let e=Ie;Ie=[];for(let n of e)n()}var v=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},Le=new v(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `,{hash:"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}),Ve=new v(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}),Ne=new v(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}),Ue=new v(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `,{hash:"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}),Oe=new v(`
    query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
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
    `,{hash:"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}),Qe=new v(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `,{hash:"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}),Ke=new v(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `,{hash:"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}),_e=new v(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `,{hash:"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}),He=new v(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `,{hash:"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}),Be=new v(`
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
    `,{hash:"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}),Fe=new v(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),We=new v(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `,{hash:"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}),Ge=new v(`
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
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),ze=new v(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),Xe=new v(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),Ye=new v(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `,{hash:"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}),Je=new v(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `,{hash:"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}),Ze=new v(`
    query ConsoleRoutes {
  routes {
    resourceKind
    env
    projectId
    backendType
    config {
      key
      value
    }
    secretRefs
    version
    updatedBy
    updatedAt
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `,{hash:"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}),et=new v(`
    query ConsoleResolveRoute($kind: String!) {
  route(resourceKind: $kind) {
    matchedScope
    route {
      tenantId
      env
      projectId
      backendType
      config {
        key
        value
      }
      version
    }
  }
}
    `,{hash:"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}),tt=new v(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `,{hash:"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}),nt=new v(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `,{hash:"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}),ot=new v(`
    query ConsoleRoutesPlan($file: String!) {
  routesPlan(file: $file) {
    resourceKind
    env
    projectId
    outcome
    changes {
      field
      from
      to
    }
  }
}
    `,{hash:"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}),rt=new v(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    version
    deleted
  }
}
    `,{hash:"sha256:999d04ee0ba6c5f51de9905db9d58b73046ef56a80f1e9556bbde56ed4ccd1f0"}),it=new v(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),st=new v(`
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
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),at=new v(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),ct=new v(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),ut=new v(`
    query ConsoleAllTenants($first: Int, $after: String, $search: String) {
  allTenants(first: $first, after: $after, search: $search) {
    edges {
      node {
        id
        name
        version
        createdAt
        mode {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `,{hash:"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}),pt=new v(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `,{hash:"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}),lt=new v(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `,{hash:"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}),dt=new v(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `,{hash:"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}),mt=new v(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `,{hash:"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}),ft=new v(`
    query ConsoleRoles {
  context {
    roles
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `,{hash:"sha256:69153219f724d59d6b4a6944d02e60fd150050d5b758f4a20e511f8b6229dd6e"}),gt=new v(`
    query ConsoleTenant {
  tenant {
    id
    name
    version
    createdAt
    updatedAt
    mode {
      id
      name
      description
    }
  }
}
    `,{hash:"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}),yt=new v(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}),ht=new v(`
    query ConsoleProjects {
  projects(first: 100, includeArchived: true) {
    edges {
      node {
        id
        name
        version
        archived
      }
    }
  }
  surfaces {
    id
    name
    version
  }
  apps {
    id
    name
    version
  }
}
    `,{hash:"sha256:09f3bdfae35728931d5e31b2b1706767e80a78f93d8ee57361cb696c86c208d3"}),Ct=new v(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}),vt=new v(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}),bt=new v(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}),It=new v(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `,{hash:"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}),$t=new v(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `,{hash:"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}),St=new v(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `,{hash:"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}),xt=new v(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `,{hash:"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"});var Ft={"\n  query ConsoleServiceAccounts {\n    serviceAccounts { id name scopes createdAt }\n  }\n":Le,"\n  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }\n  }\n":Ve,"\n  mutation ConsoleRotateServiceAccount($id: ID!) {\n    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }\n  }\n":Ne,"\n  mutation ConsoleDeleteServiceAccount($id: ID!) {\n    deleteServiceAccount(id: $id)\n  }\n":Ue,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Oe,"\n  query ConsoleThreads {\n    threads(first: 50) { id title createdAt lastSeq }\n  }\n":Qe,"\n  mutation ConsoleCreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) { id }\n  }\n":Ke,"\n  mutation ConsolePost($input: PostMessageInput!) {\n    postMessage(input: $input) { seq }\n  }\n":_e,"\n  subscription ConsoleFollow($threadId: ID!, $after: Int) {\n    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }\n  }\n":He,"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n":Be,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":Fe,"\n  mutation ConsoleDecline($id: ID!) {\n    declineInvitation(id: $id)\n  }\n":We,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":Ge,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":ze,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":Xe,"\n  mutation ConsoleSetRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) { userId role version }\n  }\n":Ye,"\n  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n":Je,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":Ze,"\n  query ConsoleResolveRoute($kind: String!) {\n    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }\n  }\n":et,"\n  mutation ConsoleSetRoute($input: SetRouteInput!) {\n    setRoute(input: $input) { resourceKind version }\n  }\n":tt,"\n  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {\n    deleteRoute(input: $input)\n  }\n":nt,"\n  query ConsoleRoutesPlan($file: String!) {\n    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }\n  }\n":ot,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n":rt,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":it,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":st,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":at,"\n  mutation ConsoleLogout {\n    logout\n  }\n":ct,"\n  query ConsoleAllTenants($first: Int, $after: String, $search: String) {\n    allTenants(first: $first, after: $after, search: $search) {\n      edges { node { id name version createdAt mode { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":ut,"\n  query ConsoleModes {\n    modes { id name description version }\n  }\n":pt,"\n  mutation ConsoleCreateMode($input: CreateModeInput!) {\n    createMode(input: $input) { id }\n  }\n":lt,"\n  mutation ConsoleUpdateMode($input: UpdateModeInput!) {\n    updateMode(input: $input) { id version }\n  }\n":dt,"\n  mutation ConsoleDeleteMode($id: ID!) {\n    deleteMode(id: $id)\n  }\n":mt,"\n  query ConsoleRoles {\n    context { roles }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":ft,"\n  query ConsoleTenant {\n    tenant { id name version createdAt updatedAt mode { id name description } }\n  }\n":gt,"\n  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) { id name version }\n  }\n":yt,"\n  query ConsoleProjects {\n    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }\n    surfaces { id name version }\n    apps { id name version }\n  }\n":ht,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":Ct,"\n  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {\n    archiveProject(input: $input) { id archived }\n  }\n":vt,"\n  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {\n    unarchiveProject(input: $input) { id archived }\n  }\n":bt,"\n  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {\n    createSurface(input: $input) { id }\n  }\n":It,"\n  mutation ConsoleDeleteSurface($id: ID!) {\n    deleteSurface(id: $id)\n  }\n":$t,"\n  mutation ConsoleCreateApp($input: CreateAppInput!) {\n    createApp(input: $input) { id }\n  }\n":St,"\n  mutation ConsoleDeleteApp($id: ID!) {\n    deleteApp(id: $id)\n  }\n":xt};function y(e){return Ft[e]??{}}var Wt=y(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),Gt=y(`
  query ConsoleModes {
    modes { id name description version }
  }
`),zt=y(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`),Xt=y(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`),Yt=y(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`),le={tenantId:"t_system"};async function Dt(e,n){let o=ue(n),r=t("section",{}),d=t("section",{});o.replaceChildren(t("h2",{},"System"),r,d),await Promise.all([Jt(e,r),At(e,d)])}async function Jt(e,n){let[o,r]=L("tenant-search","Search by name or id",{type:"search"}),d=V({id:"all-tenants-status"}),u=t("tbody",{}),m=t("div",{class:"pager"}),h=[],a=null,$=async A=>{let{allTenants:s}=await C(Wt,{first:20,after:A,search:r.value||null},{session:e,...le});a=A,u.replaceChildren(...s.edges.map(({node:p})=>O(p.name,p.id,p.mode.id,String(p.version),p.createdAt)));let g=s.pageInfo.endCursor??null;m.replaceChildren(...h.length>0?[P("Previous page",{id:"tenants-previous"},()=>{$(h.pop()??null).catch(p=>x(d,p))})]:[],...s.pageInfo.hasNextPage?[P("Next page",{id:"tenants-next"},()=>{h.push(a),$(g).catch(p=>x(d,p))})]:[])},l=t("form",{id:"search-tenants",class:"inline",role:"search"},o,r,t("button",{type:"submit"},"Search"),d);U(l,d,()=>(h.length=0,$(null)));try{await $(null)}catch(A){return x(n,A)}n.replaceChildren(t("h3",{},"All tenants"),l,t("table",{id:"all-tenants"},t("thead",{},t("tr",{},...["Name","Id","Mode","Version","Created"].map(A=>t("th",{scope:"col"},A)))),u),m)}async function At(e,n){let o=()=>At(e,n),r=V({id:"modes-status"});try{let{modes:d}=await C(Gt,{},{session:e,...le}),u=d.map(p=>{let f=t("input",{value:p.name,"aria-label":`Name of ${p.id}`}),j=t("input",{value:p.description??"","aria-label":`Description of ${p.id}`}),k=P("Save",{"aria-label":`Save ${p.id}`},()=>{C(Xt,{input:{id:p.id,name:f.value,description:j.value||null,expectedVersion:p.version}},{session:e,...le}).then(o,R=>x(r,R))}),q=P("Delete",{"aria-label":`Delete ${p.id}`},()=>{C(Yt,{id:p.id},{session:e,...le}).then(o,R=>x(r,R))});return O(p.id,f,j,String(p.version),t("span",{},k,q))}),[m,h]=L("mode-id","Id (a-z, 0-9, - and _)",{required:"",pattern:"[a-z0-9_-]{1,32}"}),[a,$]=L("mode-name","Name",{required:""}),[l,A]=L("mode-description","Description"),s=V(),g=t("form",{id:"create-mode"},t("h4",{},"New mode"),m,h,a,$,l,A,t("button",{type:"submit"},"Create mode"),s);U(g,s,()=>C(zt,{input:{id:h.value,name:$.value,description:A.value||null}},{session:e,...le}).then(o)),n.replaceChildren(t("h3",{},"Modes"),_("modes",["Id","Name","Description","Version",""],u),r,g)}catch(d){x(n,d)}}var Zt=y(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),en=y(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),tn=y(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),nn=y(`
  mutation ConsoleLogout {
    logout
  }
`),he="northstar.refresh",ee=null;function Se(e){return e.refreshToken&&sessionStorage.setItem(he,e.refreshToken),ee&&ee.userId===e.user.id?ee.token=e.token:ee={token:e.token,email:e.user.email,userId:e.user.id},ee}var $e=null;je(()=>($e??=xe().then(e=>e!==null).finally(()=>{$e=null}),$e));function Rt(){return ee}async function Tt(e,n){let o=await C(Zt,{input:{email:e,password:n}});return Se(o.login)}async function wt(e,n,o){let r=await C(en,{input:{email:e,password:n,tenantName:o}});return Se(r.signup)}async function xe(){let e=sessionStorage.getItem(he);if(!e)return null;try{let n=await C(tn,{refreshToken:e});return Se(n.refreshSession)}catch{return sessionStorage.removeItem(he),null}}async function Mt(){let e=ee;ee=null,sessionStorage.removeItem(he),e&&await C(nn,{},{session:e}).catch(()=>{})}var on=y(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);async function kt(e,n){let[o,r]=L("audit-action","Action (e.g. route.set)"),[d,u]=L("audit-target","Target id"),m=V({id:"audit-status"}),h=t("tbody",{}),a=t("div",{}),$=t("form",{id:"audit-filters",class:"inline"},o,r,d,u,t("button",{type:"submit"},"Filter"),m),l=async s=>{let{auditEvents:g}=await C(on,{first:20,after:s,action:r.value||null,targetId:u.value||null},D(e));h.append(...g.edges.map(({node:f})=>O(f.at,f.action,`${f.targetType} ${f.targetId}`,f.actor.label??f.actor.id,f.changes.map(j=>`${j.field}: ${j.from??"\u2205"} \u2192 ${j.to??"\u2205"}`).join("; "),f.requestId??"")));let p=g.pageInfo.endCursor??null;a.replaceChildren(...g.pageInfo.hasNextPage?[P("Older events",{id:"audit-older"},()=>{l(p).catch(f=>x(m,f))})]:[])};U($,m,()=>(h.replaceChildren(),l(null)));try{await l(null)}catch(s){return x(n,s)}let A=t("table",{id:"audit"},t("thead",{},t("tr",{},...["When","Action","Target","By","Changes","Request"].map(s=>t("th",{scope:"col"},s)))),h);n.replaceChildren(t("h3",{},"Audit log"),$,A,a)}var rn=y(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`),sn=y(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`),an=y(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`),cn=y(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`),un=["routes:read","chat:read","chat:write"];async function De(e,n,o){let r=u=>De(e,n,u),d=V({id:"accounts-status"});try{let{serviceAccounts:u}=await C(rn,{},D(e)),m=u.map(g=>O(g.name,g.id,g.scopes.join(", "),g.createdAt,t("span",{},P("Rotate secret",{"aria-label":`Rotate the secret of ${g.name}`},()=>{C(an,{id:g.id},D(e)).then(p=>r({name:p.rotateServiceAccountSecret.serviceAccount.name,...p.rotateServiceAccountSecret}),p=>x(d,p))}),P("Delete",{"aria-label":`Delete ${g.name}`},()=>{C(cn,{id:g.id},D(e)).then(()=>r(),p=>x(d,p))})))),[h,a]=L("account-name","Name",{required:""}),$=un.map(g=>t("input",{type:"checkbox",id:`scope-${g.replace(":","-")}`,value:g})),l=V(),A=t("form",{id:"create-account"},t("h3",{},"New service account"),h,a,t("fieldset",{},t("legend",{},"Scopes"),...$.map(g=>t("label",{},g,` ${g.value}`))),t("button",{type:"submit"},"Create"),l);U(A,l,async()=>{let g=$.filter(f=>f.checked).map(f=>f.value),{createServiceAccount:p}=await C(sn,{input:{tenantId:e.tenantId,name:a.value,scopes:g}},D(e));await r({name:p.serviceAccount.name,clientId:p.clientId,clientSecret:p.clientSecret})});let s=[t("h3",{},"Service accounts")];o&&s.push(t("div",{id:"account-secret",role:"status",class:"secret"},t("p",{},`The secret of ${o.name}, shown this once: copy it now.`),t("p",{},"Client id: ",t("code",{},o.clientId)),t("p",{},"Client secret: ",t("code",{id:"client-secret"},o.clientSecret)))),s.push(_("accounts",["Name","Client id","Scopes","Created",""],m),d,A),n.replaceChildren(...s)}catch(u){x(n,u)}}function F(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function te(e){return F(e)==="object"}function pn(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function Ae(e,n){return e.length<124?e:n}var Pt="graphql-transport-ws";var G=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(G||{}),z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(z||{});function qt(e){if(!te(e))throw new Error(`Message is expected to be an object, but got ${F(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${F(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${F(e.payload.query)}`);if(e.payload.variables!=null&&!te(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${F(e.payload.variables)}`);if(e.payload.operationName!=null&&F(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${F(e.payload.operationName)}`);if(e.payload.extensions!=null&&!te(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${F(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!pn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Et(e,n){return qt(typeof e=="string"?JSON.parse(e,n):e)}function ie(e,n){return qt(e),JSON.stringify(e,n)}function Te(e){let{url:n,connectionParams:o,lazy:r=!0,onNonLazyError:d=console.error,lazyCloseTimeout:u=0,keepAlive:m=0,disablePong:h,connectionAckWaitTimeout:a=0,retryAttempts:$=5,retryWait:l=async function(E){let b=Math.pow(2,E);await new Promise(w=>setTimeout(w,b*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:A=Re,on:s,webSocketImpl:g,generateID:p=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,E=>{let b=Math.random()*16|0;return(E=="x"?b:b&3|8).toString(16)})},jsonMessageReplacer:f,jsonMessageReviver:j}=e,k;if(g){if(!dn(g))throw new Error("Invalid WebSocket implementation provided");k=g}else typeof WebSocket<"u"?k=WebSocket:typeof global<"u"?k=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(k=window.WebSocket||window.MozWebSocket);if(!k)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let q=k,R=(()=>{let I=(()=>{let b={};return{on(w,N){return b[w]=N,()=>{delete b[w]}},emit(w){"id"in w&&b[w.id]?.(w)}}})(),E={connecting:s?.connecting?[s.connecting]:[],opened:s?.opened?[s.opened]:[],connected:s?.connected?[s.connected]:[],ping:s?.ping?[s.ping]:[],pong:s?.pong?[s.pong]:[],message:s?.message?[I.emit,s.message]:[I.emit],closed:s?.closed?[s.closed]:[],error:s?.error?[s.error]:[]};return{onMessage:I.on,on(b,w){let N=E[b];return N.push(w),()=>{let i=N.indexOf(w);i>-1&&N.splice(i,1)}},emit(b,...w){for(let N of[...E[b]])N(...w)}}})();function J(I){let E=[R.on("error",b=>{E.forEach(w=>w()),I(b)}),R.on("closed",b=>{E.forEach(w=>w()),I(b)})];return()=>E.forEach(b=>b())}let T,W=0,se,X=!1,ne=0,fe=!1;async function ae(){clearTimeout(se);let[I,E]=await(T??(T=new Promise((N,i)=>(async()=>{if(X){if(await l(ne),!W)return T=void 0,i({code:1e3,reason:"All Subscriptions Gone"});ne++}R.emit("connecting",X);let c=new q(typeof n=="function"?await n():n,Pt),M,S;function H(){isFinite(m)&&m>0&&(clearTimeout(S),S=setTimeout(()=>{c.readyState===q.OPEN&&(c.send(ie({type:z.Ping})),R.emit("ping",!1,void 0))},m))}J(K=>{T=void 0,clearTimeout(M),clearTimeout(S),i(K),K instanceof de&&(c.close(4499,"Terminated"),c.onerror=null,c.onclose=null)}),c.onerror=K=>R.emit("error",K),c.onclose=K=>R.emit("closed",K),c.onopen=async()=>{try{R.emit("opened",c);let K=typeof o=="function"?await o():o;if(c.readyState!==q.OPEN)return;c.send(ie(K?{type:z.ConnectionInit,payload:K}:{type:z.ConnectionInit},f)),isFinite(a)&&a>0&&(M=setTimeout(()=>{c.close(G.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},a)),H()}catch(K){R.emit("error",K),c.close(G.InternalClientError,Ae(K instanceof Error?K.message:String(K),"Internal client error"))}};let Z=!1;c.onmessage=({data:K})=>{try{let Q=Et(K,j);if(R.emit("message",Q),Q.type==="ping"||Q.type==="pong"){R.emit(Q.type,!0,Q.payload),Q.type==="pong"?H():h||(c.send(ie(Q.payload?{type:z.Pong,payload:Q.payload}:{type:z.Pong},f)),R.emit("pong",!1,Q.payload));return}if(Z)return;if(Q.type!==z.ConnectionAck)throw new Error(`First message cannot be of type ${Q.type}`);clearTimeout(M),Z=!0,R.emit("connected",c,Q.payload,X),X=!1,ne=0;let qe=new Promise((Bn,Ht)=>J(Ht));qe.catch(()=>{}),N([c,qe])}catch(Q){c.onmessage=null,R.emit("error",Q),c.close(G.BadResponse,Ae(Q instanceof Error?Q.message:String(Q),"Bad response"))}}})())));I.readyState===q.CLOSING&&await E;let b=()=>{},w=new Promise(N=>b=N);return[I,b,new Promise((N,i)=>{let c=J(i);I.readyState!==q.OPEN&&E.catch(i),w.then(()=>{if(c(),!W){let M=()=>I.close(1e3,"Normal Closure");isFinite(u)&&u>0?(clearTimeout(se),se=setTimeout(()=>{!W&&I.readyState===q.OPEN&&M()},u)):M()}N()})})]}function oe(I){if(Re(I)&&(ln(I.code)||[G.InternalServerError,G.InternalClientError,G.BadRequest,G.BadResponse,G.Unauthorized,G.SubprotocolNotAcceptable,G.SubscriberAlreadyExists,G.TooManyInitialisationRequests].includes(I.code)))throw I;if(fe)return!1;if(Re(I)&&I.code===1e3)return W>0;if(!$||ne>=$||!A(I))throw I;return X=!0}r||(async()=>{for(W++;;)try{let[,,I]=await ae();await I}catch(I){try{if(!oe(I))return}catch(E){return d?.(E)}}})();function ce(I,E){let b=p(I),w=!1,N=!1,i=()=>{W--,w=!0};return(async()=>{for(W++;;)try{let[c,M,S]=await ae();if(w)return S.catch(()=>{}),M();let H=R.onMessage(b,Z=>{switch(Z.type){case z.Next:{E.next(Z.payload);return}case z.Error:{N=!0,w=!0,E.error(Z.payload),i();return}case z.Complete:{w=!0,i();return}}});c.send(ie({id:b,type:z.Subscribe,payload:I},f)),i=()=>{!w&&c.readyState===q.OPEN&&c.send(ie({id:b,type:z.Complete},f)),W--,w=!0,M()},await S.finally(H);return}catch(c){if(!oe(c))return}})().then(()=>{N||E.complete()}).catch(c=>{E.error(c)}),()=>{w||i()}}return{on:R.on,subscribe:ce,iterate(I){let E=[],b={done:!1,error:null,resolve:()=>{}},w=ce(I,{next(i){E.push(i),b.resolve()},error(i){b.done=!0,b.error=i,b.resolve()},complete(){b.done=!0,b.resolve()}}),N=(async function*(){for(;;){for(E.length||await new Promise(c=>b.resolve=c);E.length;)yield E.shift();if(b.error)throw b.error;if(b.done)return}})();return N.throw=async i=>(b.done||(b.done=!0,b.error=i,b.resolve()),{done:!0,value:void 0}),N.return=async()=>(w(),{done:!0,value:void 0}),N},async dispose(){if(fe=!0,T){let[I]=await T;I.close(1e3,"Normal Closure")}},terminate(){T&&R.emit("closed",new de)}}}var de=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function Re(e){return te(e)&&"code"in e&&"reason"in e}function ln(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function dn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Ce(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return Te({url:n,connectionParams:()=>({authorization:e.session?`Bearer ${e.session.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function ve(e,n,o,r,d,u=()=>{}){let m=n.__meta__?.hash;return e.subscribe(m?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:m}}}:{query:n.toString(),variables:o},{next:h=>{let a=h.errors?.[0];a?d(new B(String(a.extensions?.code??"ERROR"),a.message,"")):h.data&&r(h.data)},error:h=>d(new B("SUBSCRIPTION",h instanceof Error?h.message:"the subscription ended with an error","")),complete:u})}var mn=y(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`),fn=y(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`),gn=y(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`),yn=y(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`),hn=50;async function we(e,n){if(!e.projectId){n.replaceChildren(t("p",{id:"chat-needs-project"},"Threads belong to a project: choose one in the context bar above."));return}try{let{threads:o}=await C(mn,{},D(e)),r=o.map(a=>O(P(a.title,{"data-thread":a.id},()=>{jt(e,n,a.id,a.title,a.lastSeq)}),String(a.lastSeq),a.createdAt)),[d,u]=L("new-thread-title","Title",{required:""}),m=V(),h=t("form",{id:"create-thread"},d,u,t("button",{type:"submit"},"Start a thread"),m);U(h,m,async()=>{let{createThread:a}=await C(fn,{input:{projectId:e.projectId,title:u.value}},D(e));await jt(e,n,a.id,u.value,0)}),n.replaceChildren(t("h3",{},`Threads in ${e.env}`),_("threads",["Thread","Messages","Started"],r),h)}catch(o){x(n,o)}}async function jt(e,n,o,r,d){let u=t("ol",{id:"messages","aria-live":"polite"}),m=t("p",{id:"chat-live"},"Connecting\u2026"),[h,a]=L("message-text","Message",{required:"",maxlength:"4000",autocomplete:"off"}),$=V(),l=t("form",{id:"post-message",class:"inline"},h,a,t("button",{type:"submit"},"Post"),$);if(U(l,$,async()=>{await C(gn,{input:{threadId:o,text:a.value}},D(e)),a.value="",a.focus()}),n.replaceChildren(P("All threads",{id:"threads-back"},()=>{we(e,n)}),t("h3",{id:"thread-title"},r),u,m,l),a.focus(),!n.isConnected)return;let A=Math.max(0,d-hn),s={threadId:o,after:A},g=Ce(D(e));g.on("connected",()=>{m.textContent="Following."}),g.on("closed",()=>{m.textContent="Reconnecting\u2026"});let p=!1,f=()=>{},j=()=>{f=ve(g,yn,s,k=>{let q=k.messagePosted;if(q.seq<=A)return;A=q.seq,s.after=q.seq;let R=q.authorId===e.session.userId?"you":q.authorId;u.append(t("li",{"data-seq":String(q.seq)},t("span",{class:"meta"},`${R} \xB7 ${q.createdAt} `),q.text))},k=>x(m,k),()=>{p||j()})};j(),ye(()=>{p=!0,f(),g.dispose()})}var Cn=y(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),vn=y(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),bn=y(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),In=y(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`),$n=y(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),Sn=["VIEWER","MEMBER","ADMIN","OWNER"],Lt=Sn.map(e=>[e,e]);async function Me(e,n){let o=()=>Me(e,n),r=V({id:"members-status"}),d=u=>{u().then(o,m=>x(r,m))};try{let{members:u,invitations:m}=await C(Cn,{},D(e)),h=u.map(f=>{let j=f.user?.email??f.userId,[,k]=Y(`role-${f.userId}`,"",Lt,f.role);k.setAttribute("aria-label",`Role of ${j}`),k.addEventListener("change",()=>d(()=>C(In,{input:{tenantId:e.tenantId,userId:f.userId,role:k.value,expectedVersion:f.version}},D(e))));let q=P("Remove",{"aria-label":`Remove ${j}`},()=>d(()=>C($n,{input:{tenantId:e.tenantId,userId:f.userId}},D(e))));return O(j,k,String(f.version),q)}),a=m.map(f=>{let j=f.status==="PENDING"?P("Revoke",{"aria-label":`Revoke the invitation of ${f.email}`},()=>d(()=>C(bn,{id:f.id},D(e)))):"",k=O(f.email,f.role,f.status,f.expiresAt,j);return k.cells[2]?.setAttribute("class","status"),k}),[$,l]=L("invite-email","Email",{type:"email",required:""}),[A,s]=Y("invite-role","Role",Lt,"MEMBER"),g=V(),p=t("form",{id:"invite"},t("h3",{},"Invite someone"),$,l,A,s,t("button",{type:"submit"},"Invite"),g);U(p,g,()=>C(vn,{input:{tenantId:e.tenantId,email:l.value,role:s.value}},D(e)).then(o)),n.replaceChildren(t("h3",{},"Members"),_("members",["Email","Role","Version",""],h),r,t("h3",{},"Invitations"),_("invitations",["Email","Role","Status","Expires",""],a),p)}catch(u){x(n,u)}}var xn=y(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`),Dn=y(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`),An=y(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`),Rn=y(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`),Tn=y(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`),wn=y(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env version deleted }
  }
`),Vt=e=>e.map(n=>`${n.key}=${n.value}`).join(", "),Mn=(e,n,o,r)=>e.resourceKind===n&&e.env===o&&(e.projectId??"")===r;async function Nt(e,n){let o=[],r=[],d=t("tbody",{}),u=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),m=V({id:"routes-status"}),[h,a]=L("route-kind","Resource kind",{required:"",pattern:"[a-z0-9_]+"}),[$,l]=Y("route-env","Env",ge.map(i=>[i,i]),e.env),[A,s]=Y("route-project","Project",[["","Tenant-wide"]],""),[g,p]=L("route-backend","Backend type",{required:""}),f=t("textarea",{id:"route-config",rows:"3",placeholder:"address=redis.internal:6379"}),j=t("textarea",{id:"route-secrets",rows:"2",placeholder:"password=file:///run/secrets/\u2026"}),k=t("input",{type:"hidden",id:"route-version",value:""}),q=t("p",{id:"route-editing"},"A new route (saving fails if one exists)."),R=V({id:"route-status"}),J=t("form",{id:"set-route"},t("h3",{},"Set a route"),q,h,a,$,l,A,s,g,p,t("label",{for:"route-config"},"Config (key=value per line)"),f,t("label",{for:"route-secrets"},"Secret references (name=reference per line)"),j,k,t("button",{type:"submit"},"Save route"),R),T=i=>{a.value=i.resourceKind,l.value=i.env,s.value=i.projectId??"",p.value=i.backendType,f.value=i.config.map(c=>`${c.key}=${c.value}`).join(`
`),j.value=i.secretRefs.join(`
`),k.value=String(i.version),q.textContent=`Editing ${i.resourceKind} (${i.env}) at version ${i.version}.`,a.focus()},W=i=>i.split(`
`).map(c=>c.trim()).filter(c=>c!==""),se=()=>{d.replaceChildren(...o.map(i=>{let c={resourceKind:i.resourceKind,tenantId:e.tenantId,env:i.env,projectId:i.projectId,expectedVersion:i.version},M=t("span",{},P("Edit",{"aria-label":`Edit ${i.resourceKind} (${i.env})`},()=>T(i)),P("Delete",{"aria-label":`Delete ${i.resourceKind} (${i.env})`},()=>{C(Rn,{input:c},D(e)).then(X,S=>ne(m,S,`${i.resourceKind} (${i.env})`))}));return O(i.resourceKind,i.env,i.projectId??"tenant-wide",i.backendType,Vt(i.config),String(i.version),i.updatedBy,M)}))},X=async()=>{let i=await C(xn,{},D(e));o=i.routes,r=i.projects.edges.map(({node:S})=>[S.id,S.name]);let c=s.value,M=[["","Tenant-wide"],...r];s.replaceChildren(...M.map(([S,H])=>t("option",{value:S},H))),s.value=c,se()},ne=(i,c,M)=>{x(i,c),!(!(c instanceof B)||c.code!=="CONFLICT")&&X().then(()=>{let S=o.find(Z=>Mn(Z,a.value,l.value,s.value)),H=S?`${M} is now at version ${S.version} (by ${S.updatedBy}). Your edit is kept: save again to replace that version.`:`${M} no longer exists. Your edit is kept: save again to create it.`;k.value=S?String(S.version):"",q.textContent=S?`Editing ${S.resourceKind} (${S.env}) at version ${S.version}.`:"A new route (saving fails if one exists).",i.append(t("p",{class:"resolution"},H))})};U(J,R,async()=>{let i=W(f.value).map(M=>{let S=M.indexOf("=");return S<0?{key:M,value:""}:{key:M.slice(0,S).trim(),value:M.slice(S+1).trim()}}),c={resourceKind:a.value,tenantId:e.tenantId,env:l.value,projectId:s.value||null,backendType:p.value,config:i,secretRefs:W(j.value),expectedVersion:k.value?Number(k.value):null};try{let{setRoute:M}=await C(An,{input:c},D(e));R.replaceChildren(t("p",{},`Saved ${M.resourceKind} at version ${M.version}.`)),k.value=String(M.version),q.textContent=`Editing ${M.resourceKind} (${l.value}) at version ${M.version}.`,await X()}catch(M){ne(R,M,`${a.value} (${l.value})`)}});let[fe,ae]=L("resolve-kind","Resource kind",{required:""}),oe=V({id:"resolved"}),ce=t("form",{id:"resolve-route"},t("h3",{},`Effective route in ${e.env}${e.projectId?", this project":""}`),fe,ae,t("button",{type:"submit"},"Resolve"),oe);U(ce,oe,async()=>{let{route:i}=await C(Dn,{kind:ae.value},D(e)),c=i.route;oe.replaceChildren(t("p",{},`${c.backendType} ${Vt(c.config)} \u2014 matched at the ${i.matchedScope} scope (${c.tenantId}, ${c.env}${c.projectId?`, ${c.projectId}`:""}), version ${c.version}`))});let I=t("textarea",{id:"routes-file",rows:"6",required:"",placeholder:`routes:
  - {resourceKind: kpi, tenantId: \u2026, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}`}),E=V({id:"routes-plan"}),b=t("form",{id:"plan-routes"},t("h3",{},"Preview a routes file"),t("label",{for:"routes-file"},"Routes file (YAML, as for northstar routes apply)"),I,t("button",{type:"submit"},"Preview changes"),E);U(b,E,async()=>{let{routesPlan:i}=await C(Tn,{file:I.value},D(e)),c=i.map(S=>O(S.outcome,S.resourceKind,S.env,S.projectId??"tenant-wide",S.changes.map(H=>`${H.field}: ${H.from??"\u2205"} \u2192 ${H.to??"\u2205"}`).join("; "))),M=["CREATE","UPDATE","UNCHANGED"].map(S=>`${i.filter(H=>H.outcome===S).length} ${S.toLowerCase()}`);E.replaceChildren(t("p",{},`Nothing was written: ${M.join(", ")}.`),_("plan",["Outcome","Kind","Env","Project","Changes"],c))});try{await X()}catch(i){return x(n,i)}if(n.replaceChildren(ce,t("h3",{},"Routes"),t("table",{id:"routes"},t("thead",{},t("tr",{},...["Kind","Env","Project","Backend","Config","Version","By",""].map(i=>t("th",{scope:"col"},i)))),d),u,m,J,b),!n.isConnected)return;let w=Ce({session:e.session,tenantId:e.tenantId}),N=ve(w,wn,{},i=>{let c=i.routeChanged;u.textContent=`${c.resourceKind} (${c.env}) ${c.deleted?"deleted":`is at version ${c.version}`}`,X().catch(M=>x(u,M))},i=>x(u,i));ye(()=>{N(),w.dispose()})}var kn=y(`
  query ConsoleRoles {
    context { roles }
    projects(first: 100) { edges { node { id name } } }
  }
`),Pn=y(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`),qn=y(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`),En=y(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id name version }
    apps { id name version }
  }
`),jn=y(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`),Ln=y(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`),Vn=y(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`),Nn=y(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`),Un=y(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`),On=y(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`),Qn=y(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`),Ot={id:"tab-projects",label:"Projects",adminOnly:!1,show:Kt},Ut=[{id:"tab-overview",label:"Overview",adminOnly:!1,show:Qt},Ot,{id:"tab-chat",label:"Chat",adminOnly:!1,show:we},{id:"tab-members",label:"Members",adminOnly:!0,show:Me},{id:"tab-routes",label:"Routes",adminOnly:!0,show:Nt},{id:"tab-accounts",label:"Service accounts",adminOnly:!0,show:De},{id:"tab-audit",label:"Audit log",adminOnly:!0,show:kt}];async function ke(e,n,o,r,d="tab-projects"){re();let u=ue(n),m=r.find(T=>T.id===o)?.name??o,h;try{h=await C(kn,{},{session:e,tenantId:o})}catch(T){return x(u,T)}let a={session:e,tenantId:o,tenantName:m,roles:h.context.roles,env:"dev",projectId:""},$=t("section",{id:"page"}),l=Ut.find(T=>T.id===d&&(!T.adminOnly||pe(a)))??Ot,A=t("nav",{"aria-label":"Tenant pages"}),s=T=>{re(),l=T;for(let W of A.querySelectorAll("button"))W.removeAttribute("aria-current");A.querySelector(`#${T.id}`)?.setAttribute("aria-current","page"),T.show(a,ue($))};for(let T of Ut)(!T.adminOnly||pe(a))&&A.append(P(T.label,{id:T.id},()=>s(T)));let[g,p]=Y("context-tenant","Tenant",r.map(T=>[T.id,T.name]),o);p.addEventListener("change",()=>{ke(e,n,p.value,r,l.id)});let[f,j]=Y("context-env","Env",ge.map(T=>[T,T]),a.env);j.addEventListener("change",()=>{a.env=j.value,s(l)});let k=[["","No project"],...h.projects.edges.map(({node:T})=>[T.id,T.name])],[q,R]=Y("context-project","Project",k,"");R.addEventListener("change",()=>{a.projectId=R.value,s(l)});let J=t("div",{class:"context",role:"group","aria-label":"Context"},t("span",{},g,p),t("span",{},f,j),t("span",{},q,R));u.replaceChildren(J,t("h2",{id:"tenant-name"},m),t("p",{id:"role"},`Your role: ${a.roles.join(", ")}`),A,$),s(l)}async function Qt(e,n){try{let{tenant:o}=await C(Pn,{},D(e)),r=[t("h3",{},"Tenant"),t("dl",{id:"tenant"},t("dt",{},"Name"),t("dd",{},o.name),t("dt",{},"Id"),t("dd",{},o.id),t("dt",{},"Mode"),t("dd",{id:"tenant-mode"},`${o.mode.name} (${o.mode.id})${o.mode.description?` \u2014 ${o.mode.description}`:""}`),t("dt",{},"Version"),t("dd",{},String(o.version)),t("dt",{},"Created"),t("dd",{},o.createdAt),t("dt",{},"Updated"),t("dd",{},o.updatedAt))];if(pe(e)){let[d,u]=L("tenant-rename","New name",{required:"",value:o.name}),m=V(),h=t("form",{id:"rename-tenant"},d,u,t("button",{type:"submit"},"Rename"),m);U(h,m,async()=>{await C(qn,{input:{tenantId:e.tenantId,name:u.value,expectedVersion:o.version}},D(e)),await Qt(e,n)}),r.push(h)}n.replaceChildren(...r)}catch(o){x(n,o)}}async function Kt(e,n){let o=()=>Kt(e,n),r=V({id:"projects-status"}),d=u=>()=>{u().then(o,m=>x(r,m))};try{let{projects:u,surfaces:m,apps:h}=await C(En,{},D(e)),a=pe(e),$=u.edges.map(({node:s})=>{let g=t("span",{});if(a){let p={input:{projectId:s.id,expectedVersion:s.version}};g.append(s.archived?P("Unarchive",{"aria-label":`Unarchive ${s.name}`},d(()=>C(Vn,p,D(e)))):P("Archive",{"aria-label":`Archive ${s.name}`},d(()=>C(Ln,p,D(e)))))}return O(s.name,s.id,s.archived?"archived":"active",String(s.version),g)}),l=(s,g,p)=>g.map(f=>O(f.name,f.id,String(f.version),a?P("Delete",{"aria-label":`Delete the ${s} ${f.name}`},d(()=>p(f.id))):"")),A=[t("h3",{},"Projects"),_("projects",["Name","Id","State","Version",""],$),t("h3",{},"Surfaces"),_("surfaces",["Name","Id","Version",""],l("surface",m,s=>C(Un,{id:s},D(e)))),t("h3",{},"Apps"),_("apps",["Name","Id","Version",""],l("app",h,s=>C(Qn,{id:s},D(e)))),r];if(a){let s=(g,p,f)=>{let[j,k]=L(`${g}-name`,`${p} name`,{required:""}),q=V(),R=t("form",{id:g},j,k,t("button",{type:"submit"},`Create ${p.toLowerCase()}`),q);return U(R,q,()=>f(k.value).then(o)),R};A.push(t("div",{class:"forms"},s("create-project","Project",g=>C(jn,{input:{tenantId:e.tenantId,name:g}},D(e))),s("create-surface","Surface",g=>C(Nn,{input:{tenantId:e.tenantId,name:g}},D(e))),s("create-app","App",g=>C(On,{input:{tenantId:e.tenantId,name:g}},D(e)))))}n.replaceChildren(...A)}catch(u){x(n,u)}}var Kn=y(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`),_n=y(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),Hn=y(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`),_t=document.getElementById("app");function Pe(){let[e,n]=L("email","Email",{type:"email",autocomplete:"username",required:""}),[o,r]=L("password","Password",{type:"password",autocomplete:"current-password",required:""}),[d,u]=L("tenant-name","New tenant (sign up only)",{type:"text"}),m=t("div",{"aria-live":"polite"}),h=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,r,t("button",{type:"submit"},"Sign in"),d,u,P("Sign up",{id:"sign-up"},()=>{wt(n.value,r.value,u.value).then(me,a=>x(m,a))}),m);h.addEventListener("submit",a=>{a.preventDefault(),Tt(n.value,r.value).then(me,$=>x(m,$))}),_t.replaceChildren(h),n.focus()}async function me(){re();let e=Rt();if(!e)return Pe();let n=t("main",{}),o=t("nav",{"aria-label":"Console",class:"top"},P("Tenants",{id:"home"},()=>{me()}));_t.replaceChildren(t("header",{},t("span",{id:"who"},e.email),o,P("Sign out",{id:"sign-out"},()=>{Mt().then(Pe)})),n);try{let{tenants:r,myInvitations:d}=await C(Kn,{},{session:e}),u=r.map(l=>({id:l.id,name:l.name}));r.some(l=>l.id==="t_system")&&o.append(P("System",{id:"system"},()=>{re(),Dt(e,n)}));let m=t("ul",{id:"tenants"},...r.map(l=>t("li",{},P(`${l.name} (${l.mode.name})`,{"data-tenant":l.id},()=>{ke(e,n,l.id,u)})))),h=V(),a=l=>()=>{l().then(me,A=>x(h,A))},$=t("ul",{id:"my-invitations"},...d.map(l=>t("li",{},`${l.role} in ${l.tenantId}, until ${l.expiresAt} `,P("Accept",{"data-invitation":l.id},a(()=>C(_n,{id:l.id},{session:e}))),P("Decline",{"aria-label":`Decline the invitation to ${l.tenantId}`},a(()=>C(Hn,{id:l.id},{session:e}))))));n.replaceChildren(t("h2",{},"Your tenants"),m,...d.length>0?[t("h2",{},"Invitations for you"),$,h]:[])}catch(r){x(n,r)}}xe().then(e=>e?me():Pe());
