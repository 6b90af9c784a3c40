var B=class extends Error{constructor(o,r,y){super(r);this.code=o;this.requestId=y}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}},ve=null;function Ee(e){ve=e}async function C(e,n,o={}){try{return await qe(e,n,o)}catch(r){if(!(r instanceof B)||r.code!=="UNAUTHENTICATED"||!o.session||!ve||!await ve())throw r;return qe(e,n,o)}}async function qe(e,n,o){let r={"Content-Type":"application/json"};o.session&&(r.Authorization=`Bearer ${o.session.token}`),o.tenantId&&(r["X-Tenant-Id"]=o.tenantId),o.env&&(r["X-Env"]=o.env),o.projectId&&(r["X-Project-Id"]=o.projectId);let y=e.__meta__?.hash,u=y?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:y}}}:{query:e.toString(),variables:n},l;try{l=await fetch("/query",{method:"POST",headers:r,body:JSON.stringify(u)})}catch(m){throw new B("NETWORK",`the API did not answer: ${String(m)}`,"")}let g=l.headers.get("X-Request-Id")??"",a;try{a=await l.json()}catch{throw new B(`HTTP_${l.status}`,"the API answered something that is not GraphQL",g)}let I=a.errors?.[0];if(I)throw new B(I.extensions?.code??"ERROR",I.message,g);if(a.data==null)throw new B(`HTTP_${l.status}`,"no data in the answer",g);return a.data}function t(e,n={},...o){let r=document.createElement(e);for(let[y,u]of Object.entries(n))r.setAttribute(y,u);return r.append(...o),r}function P(e,n,o){let r=t("button",{type:"button",...n},e);return r.addEventListener("click",o),r}function x(e,n){let o=n instanceof B?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function j(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}function _(e,n,o){return t("table",{id:e},t("thead",{},t("tr",{},...n.map(r=>t("th",{scope:"col"},r)))),t("tbody",{},...o))}function O(...e){return t("tr",{},...e.map(n=>t("td",{},n)))}function L(e={}){return t("div",{"aria-live":"polite",...e})}function U(e,n,o){e.addEventListener("submit",r=>{r.preventDefault(),n.replaceChildren(),o().catch(y=>x(n,y))})}function J(e,n,o,r){let y=t("select",{id:e},...o.map(([u,l])=>t("option",u===r?{value:u,selected:""}:{value:u},l)));return[t("label",{for:e},n),y]}var fe=["dev","staging","prod"];function ue(e){return e.roles.some(n=>n==="ADMIN"||n==="OWNER")}function D(e){let n={session:e.session,tenantId:e.tenantId,env:e.env};return e.projectId&&(n.projectId=e.projectId),n}var be=[];function ge(e){be.push(e)}function re(){let e=be;be=[];for(let n of e)n()}var v=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},je=new v(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `,{hash:"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}),Le=new v(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}),Ve=new v(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}),Ne=new v(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `,{hash:"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}),Ue=new v(`
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
    `,{hash:"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}),Oe=new v(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `,{hash:"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}),Qe=new v(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `,{hash:"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}),Ke=new v(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `,{hash:"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}),_e=new v(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `,{hash:"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}),He=new v(`
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
    `,{hash:"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}),Be=new v(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),Fe=new v(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `,{hash:"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}),We=new v(`
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
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),Ge=new v(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),ze=new v(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),Xe=new v(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `,{hash:"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}),Ye=new v(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `,{hash:"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}),Je=new v(`
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
    `,{hash:"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}),Ze=new v(`
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
    `,{hash:"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}),et=new v(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `,{hash:"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}),tt=new v(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `,{hash:"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}),nt=new v(`
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
    `,{hash:"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}),ot=new v(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    version
    deleted
  }
}
    `,{hash:"sha256:999d04ee0ba6c5f51de9905db9d58b73046ef56a80f1e9556bbde56ed4ccd1f0"}),rt=new v(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),it=new v(`
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
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),st=new v(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),at=new v(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),ct=new v(`
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
    `,{hash:"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}),ut=new v(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `,{hash:"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}),pt=new v(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `,{hash:"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}),lt=new v(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `,{hash:"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}),dt=new v(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `,{hash:"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}),mt=new v(`
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
    `,{hash:"sha256:69153219f724d59d6b4a6944d02e60fd150050d5b758f4a20e511f8b6229dd6e"}),ft=new v(`
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
    `,{hash:"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}),gt=new v(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}),yt=new v(`
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
    `,{hash:"sha256:09f3bdfae35728931d5e31b2b1706767e80a78f93d8ee57361cb696c86c208d3"}),ht=new v(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}),Ct=new v(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}),vt=new v(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}),bt=new v(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `,{hash:"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}),It=new v(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `,{hash:"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}),$t=new v(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `,{hash:"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}),St=new v(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `,{hash:"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"});var Bt={"\n  query ConsoleServiceAccounts {\n    serviceAccounts { id name scopes createdAt }\n  }\n":je,"\n  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }\n  }\n":Le,"\n  mutation ConsoleRotateServiceAccount($id: ID!) {\n    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }\n  }\n":Ve,"\n  mutation ConsoleDeleteServiceAccount($id: ID!) {\n    deleteServiceAccount(id: $id)\n  }\n":Ne,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Ue,"\n  query ConsoleThreads {\n    threads(first: 50) { id title createdAt lastSeq }\n  }\n":Oe,"\n  mutation ConsoleCreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) { id }\n  }\n":Qe,"\n  mutation ConsolePost($input: PostMessageInput!) {\n    postMessage(input: $input) { seq }\n  }\n":Ke,"\n  subscription ConsoleFollow($threadId: ID!, $after: Int) {\n    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }\n  }\n":_e,"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n":He,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":Be,"\n  mutation ConsoleDecline($id: ID!) {\n    declineInvitation(id: $id)\n  }\n":Fe,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":We,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":Ge,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":ze,"\n  mutation ConsoleSetRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) { userId role version }\n  }\n":Xe,"\n  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n":Ye,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":Je,"\n  query ConsoleResolveRoute($kind: String!) {\n    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }\n  }\n":Ze,"\n  mutation ConsoleSetRoute($input: SetRouteInput!) {\n    setRoute(input: $input) { resourceKind version }\n  }\n":et,"\n  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {\n    deleteRoute(input: $input)\n  }\n":tt,"\n  query ConsoleRoutesPlan($file: String!) {\n    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }\n  }\n":nt,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n":ot,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":rt,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":it,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":st,"\n  mutation ConsoleLogout {\n    logout\n  }\n":at,"\n  query ConsoleAllTenants($first: Int, $after: String, $search: String) {\n    allTenants(first: $first, after: $after, search: $search) {\n      edges { node { id name version createdAt mode { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":ct,"\n  query ConsoleModes {\n    modes { id name description version }\n  }\n":ut,"\n  mutation ConsoleCreateMode($input: CreateModeInput!) {\n    createMode(input: $input) { id }\n  }\n":pt,"\n  mutation ConsoleUpdateMode($input: UpdateModeInput!) {\n    updateMode(input: $input) { id version }\n  }\n":lt,"\n  mutation ConsoleDeleteMode($id: ID!) {\n    deleteMode(id: $id)\n  }\n":dt,"\n  query ConsoleRoles {\n    context { roles }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":mt,"\n  query ConsoleTenant {\n    tenant { id name version createdAt updatedAt mode { id name description } }\n  }\n":ft,"\n  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) { id name version }\n  }\n":gt,"\n  query ConsoleProjects {\n    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }\n    surfaces { id name version }\n    apps { id name version }\n  }\n":yt,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":ht,"\n  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {\n    archiveProject(input: $input) { id archived }\n  }\n":Ct,"\n  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {\n    unarchiveProject(input: $input) { id archived }\n  }\n":vt,"\n  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {\n    createSurface(input: $input) { id }\n  }\n":bt,"\n  mutation ConsoleDeleteSurface($id: ID!) {\n    deleteSurface(id: $id)\n  }\n":It,"\n  mutation ConsoleCreateApp($input: CreateAppInput!) {\n    createApp(input: $input) { id }\n  }\n":$t,"\n  mutation ConsoleDeleteApp($id: ID!) {\n    deleteApp(id: $id)\n  }\n":St};function h(e){return Bt[e]??{}}var Ft=h(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),Wt=h(`
  query ConsoleModes {
    modes { id name description version }
  }
`),Gt=h(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`),zt=h(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`),Xt=h(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`),pe={tenantId:"t_system"};async function xt(e,n){let o=t("section",{}),r=t("section",{});n.replaceChildren(t("h2",{},"System"),o,r),await Promise.all([Yt(e,o),Dt(e,r)])}async function Yt(e,n){let[o,r]=j("tenant-search","Search by name or id",{type:"search"}),y=L({id:"all-tenants-status"}),u=t("tbody",{}),l=t("div",{class:"pager"}),g=[],a=null,I=async A=>{let{allTenants:s}=await C(Ft,{first:20,after:A,search:r.value||null},{session:e,...pe});a=A,u.replaceChildren(...s.edges.map(({node:f})=>O(f.name,f.id,f.mode.id,String(f.version),f.createdAt)));let d=s.pageInfo.endCursor??null;l.replaceChildren(...g.length>0?[P("Previous page",{id:"tenants-previous"},()=>{I(g.pop()??null).catch(f=>x(y,f))})]:[],...s.pageInfo.hasNextPage?[P("Next page",{id:"tenants-next"},()=>{g.push(a),I(d).catch(f=>x(y,f))})]:[])},m=t("form",{id:"search-tenants",class:"inline",role:"search"},o,r,t("button",{type:"submit"},"Search"),y);U(m,y,()=>(g.length=0,I(null)));try{await I(null)}catch(A){return x(n,A)}n.replaceChildren(t("h3",{},"All tenants"),m,t("table",{id:"all-tenants"},t("thead",{},t("tr",{},...["Name","Id","Mode","Version","Created"].map(A=>t("th",{scope:"col"},A)))),u),l)}async function Dt(e,n){let o=()=>Dt(e,n),r=L({id:"modes-status"});try{let{modes:y}=await C(Wt,{},{session:e,...pe}),u=y.map(f=>{let p=t("input",{value:f.name,"aria-label":`Name of ${f.id}`}),V=t("input",{value:f.description??"","aria-label":`Description of ${f.id}`}),w=P("Save",{"aria-label":`Save ${f.id}`},()=>{C(zt,{input:{id:f.id,name:p.value,description:V.value||null,expectedVersion:f.version}},{session:e,...pe}).then(o,k=>x(r,k))}),M=P("Delete",{"aria-label":`Delete ${f.id}`},()=>{C(Xt,{id:f.id},{session:e,...pe}).then(o,k=>x(r,k))});return O(f.id,p,V,String(f.version),t("span",{},w,M))}),[l,g]=j("mode-id","Id (a-z, 0-9, - and _)",{required:"",pattern:"[a-z0-9_-]{1,32}"}),[a,I]=j("mode-name","Name",{required:""}),[m,A]=j("mode-description","Description"),s=L(),d=t("form",{id:"create-mode"},t("h4",{},"New mode"),l,g,a,I,m,A,t("button",{type:"submit"},"Create mode"),s);U(d,s,()=>C(Gt,{input:{id:g.value,name:I.value,description:A.value||null}},{session:e,...pe}).then(o)),n.replaceChildren(t("h3",{},"Modes"),_("modes",["Id","Name","Description","Version",""],u),r,d)}catch(y){x(n,y)}}var Jt=h(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),Zt=h(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),en=h(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),tn=h(`
  mutation ConsoleLogout {
    logout
  }
`),ye="northstar.refresh",ee=null;function $e(e){return e.refreshToken&&sessionStorage.setItem(ye,e.refreshToken),ee&&ee.userId===e.user.id?ee.token=e.token:ee={token:e.token,email:e.user.email,userId:e.user.id},ee}var Ie=null;Ee(()=>(Ie??=Se().then(e=>e!==null).finally(()=>{Ie=null}),Ie));function At(){return ee}async function Rt(e,n){let o=await C(Jt,{input:{email:e,password:n}});return $e(o.login)}async function Tt(e,n,o){let r=await C(Zt,{input:{email:e,password:n,tenantName:o}});return $e(r.signup)}async function Se(){let e=sessionStorage.getItem(ye);if(!e)return null;try{let n=await C(en,{refreshToken:e});return $e(n.refreshSession)}catch{return sessionStorage.removeItem(ye),null}}async function wt(){let e=ee;ee=null,sessionStorage.removeItem(ye),e&&await C(tn,{},{session:e}).catch(()=>{})}var nn=h(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);async function Mt(e,n){let[o,r]=j("audit-action","Action (e.g. route.set)"),[y,u]=j("audit-target","Target id"),l=L({id:"audit-status"}),g=t("tbody",{}),a=t("div",{}),I=t("form",{id:"audit-filters",class:"inline"},o,r,y,u,t("button",{type:"submit"},"Filter"),l),m=async s=>{let{auditEvents:d}=await C(nn,{first:20,after:s,action:r.value||null,targetId:u.value||null},D(e));g.append(...d.edges.map(({node:p})=>O(p.at,p.action,`${p.targetType} ${p.targetId}`,p.actor.label??p.actor.id,p.changes.map(V=>`${V.field}: ${V.from??"\u2205"} \u2192 ${V.to??"\u2205"}`).join("; "),p.requestId??"")));let f=d.pageInfo.endCursor??null;a.replaceChildren(...d.pageInfo.hasNextPage?[P("Older events",{id:"audit-older"},()=>{m(f).catch(p=>x(l,p))})]:[])};U(I,l,()=>(g.replaceChildren(),m(null)));try{await m(null)}catch(s){return x(n,s)}let A=t("table",{id:"audit"},t("thead",{},t("tr",{},...["When","Action","Target","By","Changes","Request"].map(s=>t("th",{scope:"col"},s)))),g);n.replaceChildren(t("h3",{},"Audit log"),I,A,a)}var on=h(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`),rn=h(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`),sn=h(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`),an=h(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`),cn=["routes:read","chat:read","chat:write"];async function xe(e,n,o){let r=u=>xe(e,n,u),y=L({id:"accounts-status"});try{let{serviceAccounts:u}=await C(on,{},D(e)),l=u.map(d=>O(d.name,d.id,d.scopes.join(", "),d.createdAt,t("span",{},P("Rotate secret",{"aria-label":`Rotate the secret of ${d.name}`},()=>{C(sn,{id:d.id},D(e)).then(f=>r({name:f.rotateServiceAccountSecret.serviceAccount.name,...f.rotateServiceAccountSecret}),f=>x(y,f))}),P("Delete",{"aria-label":`Delete ${d.name}`},()=>{C(an,{id:d.id},D(e)).then(()=>r(),f=>x(y,f))})))),[g,a]=j("account-name","Name",{required:""}),I=cn.map(d=>t("input",{type:"checkbox",id:`scope-${d.replace(":","-")}`,value:d})),m=L(),A=t("form",{id:"create-account"},t("h3",{},"New service account"),g,a,t("fieldset",{},t("legend",{},"Scopes"),...I.map(d=>t("label",{},d,` ${d.value}`))),t("button",{type:"submit"},"Create"),m);U(A,m,async()=>{let d=I.filter(p=>p.checked).map(p=>p.value),{createServiceAccount:f}=await C(rn,{input:{tenantId:e.tenantId,name:a.value,scopes:d}},D(e));await r({name:f.serviceAccount.name,clientId:f.clientId,clientSecret:f.clientSecret})});let s=[t("h3",{},"Service accounts")];o&&s.push(t("div",{id:"account-secret",role:"status",class:"secret"},t("p",{},`The secret of ${o.name}, shown this once: copy it now.`),t("p",{},"Client id: ",t("code",{},o.clientId)),t("p",{},"Client secret: ",t("code",{id:"client-secret"},o.clientSecret)))),s.push(_("accounts",["Name","Client id","Scopes","Created",""],l),y,A),n.replaceChildren(...s)}catch(u){x(n,u)}}function F(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function te(e){return F(e)==="object"}function un(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function De(e,n){return e.length<124?e:n}var kt="graphql-transport-ws";var W=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(W||{}),G=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(G||{});function Pt(e){if(!te(e))throw new Error(`Message is expected to be an object, but got ${F(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${F(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${F(e.payload.query)}`);if(e.payload.variables!=null&&!te(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${F(e.payload.variables)}`);if(e.payload.operationName!=null&&F(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${F(e.payload.operationName)}`);if(e.payload.extensions!=null&&!te(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${F(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!te(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!un(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function qt(e,n){return Pt(typeof e=="string"?JSON.parse(e,n):e)}function ie(e,n){return Pt(e),JSON.stringify(e,n)}function Re(e){let{url:n,connectionParams:o,lazy:r=!0,onNonLazyError:y=console.error,lazyCloseTimeout:u=0,keepAlive:l=0,disablePong:g,connectionAckWaitTimeout:a=0,retryAttempts:I=5,retryWait:m=async function(E){let b=Math.pow(2,E);await new Promise(R=>setTimeout(R,b*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:A=Ae,on:s,webSocketImpl:d,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,E=>{let b=Math.random()*16|0;return(E=="x"?b:b&3|8).toString(16)})},jsonMessageReplacer:p,jsonMessageReviver:V}=e,w;if(d){if(!ln(d))throw new Error("Invalid WebSocket implementation provided");w=d}else typeof WebSocket<"u"?w=WebSocket:typeof global<"u"?w=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(w=window.WebSocket||window.MozWebSocket);if(!w)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let M=w,k=(()=>{let $=(()=>{let b={};return{on(R,N){return b[R]=N,()=>{delete b[R]}},emit(R){"id"in R&&b[R.id]?.(R)}}})(),E={connecting:s?.connecting?[s.connecting]:[],opened:s?.opened?[s.opened]:[],connected:s?.connected?[s.connected]:[],ping:s?.ping?[s.ping]:[],pong:s?.pong?[s.pong]:[],message:s?.message?[$.emit,s.message]:[$.emit],closed:s?.closed?[s.closed]:[],error:s?.error?[s.error]:[]};return{onMessage:$.on,on(b,R){let N=E[b];return N.push(R),()=>{let i=N.indexOf(R);i>-1&&N.splice(i,1)}},emit(b,...R){for(let N of[...E[b]])N(...R)}}})();function q($){let E=[k.on("error",b=>{E.forEach(R=>R()),$(b)}),k.on("closed",b=>{E.forEach(R=>R()),$(b)})];return()=>E.forEach(b=>b())}let z,X=0,se,Y=!1,ne=0,me=!1;async function ae(){clearTimeout(se);let[$,E]=await(z??(z=new Promise((N,i)=>(async()=>{if(Y){if(await m(ne),!X)return z=void 0,i({code:1e3,reason:"All Subscriptions Gone"});ne++}k.emit("connecting",Y);let c=new M(typeof n=="function"?await n():n,kt),T,S;function H(){isFinite(l)&&l>0&&(clearTimeout(S),S=setTimeout(()=>{c.readyState===M.OPEN&&(c.send(ie({type:G.Ping})),k.emit("ping",!1,void 0))},l))}q(K=>{z=void 0,clearTimeout(T),clearTimeout(S),i(K),K instanceof le&&(c.close(4499,"Terminated"),c.onerror=null,c.onclose=null)}),c.onerror=K=>k.emit("error",K),c.onclose=K=>k.emit("closed",K),c.onopen=async()=>{try{k.emit("opened",c);let K=typeof o=="function"?await o():o;if(c.readyState!==M.OPEN)return;c.send(ie(K?{type:G.ConnectionInit,payload:K}:{type:G.ConnectionInit},p)),isFinite(a)&&a>0&&(T=setTimeout(()=>{c.close(W.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},a)),H()}catch(K){k.emit("error",K),c.close(W.InternalClientError,De(K instanceof Error?K.message:String(K),"Internal client error"))}};let Z=!1;c.onmessage=({data:K})=>{try{let Q=qt(K,V);if(k.emit("message",Q),Q.type==="ping"||Q.type==="pong"){k.emit(Q.type,!0,Q.payload),Q.type==="pong"?H():g||(c.send(ie(Q.payload?{type:G.Pong,payload:Q.payload}:{type:G.Pong},p)),k.emit("pong",!1,Q.payload));return}if(Z)return;if(Q.type!==G.ConnectionAck)throw new Error(`First message cannot be of type ${Q.type}`);clearTimeout(T),Z=!0,k.emit("connected",c,Q.payload,Y),Y=!1,ne=0;let Pe=new Promise((Hn,_t)=>q(_t));Pe.catch(()=>{}),N([c,Pe])}catch(Q){c.onmessage=null,k.emit("error",Q),c.close(W.BadResponse,De(Q instanceof Error?Q.message:String(Q),"Bad response"))}}})())));$.readyState===M.CLOSING&&await E;let b=()=>{},R=new Promise(N=>b=N);return[$,b,new Promise((N,i)=>{let c=q(i);$.readyState!==M.OPEN&&E.catch(i),R.then(()=>{if(c(),!X){let T=()=>$.close(1e3,"Normal Closure");isFinite(u)&&u>0?(clearTimeout(se),se=setTimeout(()=>{!X&&$.readyState===M.OPEN&&T()},u)):T()}N()})})]}function oe($){if(Ae($)&&(pn($.code)||[W.InternalServerError,W.InternalClientError,W.BadRequest,W.BadResponse,W.Unauthorized,W.SubprotocolNotAcceptable,W.SubscriberAlreadyExists,W.TooManyInitialisationRequests].includes($.code)))throw $;if(me)return!1;if(Ae($)&&$.code===1e3)return X>0;if(!I||ne>=I||!A($))throw $;return Y=!0}r||(async()=>{for(X++;;)try{let[,,$]=await ae();await $}catch($){try{if(!oe($))return}catch(E){return y?.(E)}}})();function ce($,E){let b=f($),R=!1,N=!1,i=()=>{X--,R=!0};return(async()=>{for(X++;;)try{let[c,T,S]=await ae();if(R)return S.catch(()=>{}),T();let H=k.onMessage(b,Z=>{switch(Z.type){case G.Next:{E.next(Z.payload);return}case G.Error:{N=!0,R=!0,E.error(Z.payload),i();return}case G.Complete:{R=!0,i();return}}});c.send(ie({id:b,type:G.Subscribe,payload:$},p)),i=()=>{!R&&c.readyState===M.OPEN&&c.send(ie({id:b,type:G.Complete},p)),X--,R=!0,T()},await S.finally(H);return}catch(c){if(!oe(c))return}})().then(()=>{N||E.complete()}).catch(c=>{E.error(c)}),()=>{R||i()}}return{on:k.on,subscribe:ce,iterate($){let E=[],b={done:!1,error:null,resolve:()=>{}},R=ce($,{next(i){E.push(i),b.resolve()},error(i){b.done=!0,b.error=i,b.resolve()},complete(){b.done=!0,b.resolve()}}),N=(async function*(){for(;;){for(E.length||await new Promise(c=>b.resolve=c);E.length;)yield E.shift();if(b.error)throw b.error;if(b.done)return}})();return N.throw=async i=>(b.done||(b.done=!0,b.error=i,b.resolve()),{done:!0,value:void 0}),N.return=async()=>(R(),{done:!0,value:void 0}),N},async dispose(){if(me=!0,z){let[$]=await z;$.close(1e3,"Normal Closure")}},terminate(){z&&k.emit("closed",new le)}}}var le=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function Ae(e){return te(e)&&"code"in e&&"reason"in e}function pn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function ln(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function he(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return Re({url:n,connectionParams:()=>({authorization:e.session?`Bearer ${e.session.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function Ce(e,n,o,r,y,u=()=>{}){let l=n.__meta__?.hash;return e.subscribe(l?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:l}}}:{query:n.toString(),variables:o},{next:g=>{let a=g.errors?.[0];a?y(new B(String(a.extensions?.code??"ERROR"),a.message,"")):g.data&&r(g.data)},error:g=>y(new B("SUBSCRIPTION",g instanceof Error?g.message:"the subscription ended with an error","")),complete:u})}var dn=h(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`),mn=h(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`),fn=h(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`),gn=h(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`),yn=50;async function Te(e,n){if(!e.projectId){n.replaceChildren(t("p",{id:"chat-needs-project"},"Threads belong to a project: choose one in the context bar above."));return}try{let{threads:o}=await C(dn,{},D(e)),r=o.map(a=>O(P(a.title,{"data-thread":a.id},()=>{Et(e,n,a.id,a.title,a.lastSeq)}),String(a.lastSeq),a.createdAt)),[y,u]=j("thread-title","Title",{required:""}),l=L(),g=t("form",{id:"create-thread"},y,u,t("button",{type:"submit"},"Start a thread"),l);U(g,l,async()=>{let{createThread:a}=await C(mn,{input:{projectId:e.projectId,title:u.value}},D(e));await Et(e,n,a.id,u.value,0)}),n.replaceChildren(t("h3",{},`Threads in ${e.env}`),_("threads",["Thread","Messages","Started"],r),g)}catch(o){x(n,o)}}async function Et(e,n,o,r,y){let u=t("ol",{id:"messages","aria-live":"polite"}),l=t("p",{id:"chat-live"},"Connecting\u2026"),[g,a]=j("message-text","Message",{required:"",maxlength:"4000",autocomplete:"off"}),I=L(),m=t("form",{id:"post-message",class:"inline"},g,a,t("button",{type:"submit"},"Post"),I);U(m,I,async()=>{await C(fn,{input:{threadId:o,text:a.value}},D(e)),a.value="",a.focus()}),n.replaceChildren(P("All threads",{id:"threads-back"},()=>{Te(e,n)}),t("h3",{id:"thread-title"},r),u,l,m),a.focus();let A=Math.max(0,y-yn),s={threadId:o,after:A},d=he(D(e));d.on("connected",()=>{l.textContent="Following."}),d.on("closed",()=>{l.textContent="Reconnecting\u2026"});let f=!1,p=()=>{},V=()=>{p=Ce(d,gn,s,w=>{let M=w.messagePosted;if(M.seq<=A)return;A=M.seq,s.after=M.seq;let k=M.authorId===e.session.userId?"you":M.authorId;u.append(t("li",{"data-seq":String(M.seq)},t("span",{class:"meta"},`${k} \xB7 ${M.createdAt} `),M.text))},w=>x(l,w),()=>{f||V()})};V(),ge(()=>{f=!0,p(),d.dispose()})}var hn=h(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),Cn=h(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),vn=h(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),bn=h(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`),In=h(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),$n=["VIEWER","MEMBER","ADMIN","OWNER"],jt=$n.map(e=>[e,e]);async function we(e,n){let o=()=>we(e,n),r=L({id:"members-status"}),y=u=>{u().then(o,l=>x(r,l))};try{let{members:u,invitations:l}=await C(hn,{},D(e)),g=u.map(p=>{let V=p.user?.email??p.userId,[,w]=J(`role-${p.userId}`,"",jt,p.role);w.setAttribute("aria-label",`Role of ${V}`),w.addEventListener("change",()=>y(()=>C(bn,{input:{tenantId:e.tenantId,userId:p.userId,role:w.value,expectedVersion:p.version}},D(e))));let M=P("Remove",{"aria-label":`Remove ${V}`},()=>y(()=>C(In,{input:{tenantId:e.tenantId,userId:p.userId}},D(e))));return O(V,w,String(p.version),M)}),a=l.map(p=>{let V=p.status==="PENDING"?P("Revoke",{"aria-label":`Revoke the invitation of ${p.email}`},()=>y(()=>C(vn,{id:p.id},D(e)))):"",w=O(p.email,p.role,p.status,p.expiresAt,V);return w.cells[2]?.setAttribute("class","status"),w}),[I,m]=j("invite-email","Email",{type:"email",required:""}),[A,s]=J("invite-role","Role",jt,"MEMBER"),d=L(),f=t("form",{id:"invite"},t("h3",{},"Invite someone"),I,m,A,s,t("button",{type:"submit"},"Invite"),d);U(f,d,()=>C(Cn,{input:{tenantId:e.tenantId,email:m.value,role:s.value}},D(e)).then(o)),n.replaceChildren(t("h3",{},"Members"),_("members",["Email","Role","Version",""],g),r,t("h3",{},"Invitations"),_("invitations",["Email","Role","Status","Expires",""],a),f)}catch(u){x(n,u)}}var Sn=h(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`),xn=h(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`),Dn=h(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`),An=h(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`),Rn=h(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`),Tn=h(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env version deleted }
  }
`),Lt=e=>e.map(n=>`${n.key}=${n.value}`).join(", "),wn=(e,n,o,r)=>e.resourceKind===n&&e.env===o&&(e.projectId??"")===r;async function Vt(e,n){let o=[],r=[],y=t("tbody",{}),u=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),l=L({id:"routes-status"}),[g,a]=j("route-kind","Resource kind",{required:"",pattern:"[a-z0-9_]+"}),[I,m]=J("route-env","Env",fe.map(i=>[i,i]),e.env),[A,s]=J("route-project","Project",[["","Tenant-wide"]],""),[d,f]=j("route-backend","Backend type",{required:""}),p=t("textarea",{id:"route-config",rows:"3",placeholder:"address=redis.internal:6379"}),V=t("textarea",{id:"route-secrets",rows:"2",placeholder:"password=file:///run/secrets/\u2026"}),w=t("input",{type:"hidden",id:"route-version",value:""}),M=t("p",{id:"route-editing"},"A new route (saving fails if one exists)."),k=L({id:"route-status"}),q=t("form",{id:"set-route"},t("h3",{},"Set a route"),M,g,a,I,m,A,s,d,f,t("label",{for:"route-config"},"Config (key=value per line)"),p,t("label",{for:"route-secrets"},"Secret references (name=reference per line)"),V,w,t("button",{type:"submit"},"Save route"),k),z=i=>{a.value=i.resourceKind,m.value=i.env,s.value=i.projectId??"",f.value=i.backendType,p.value=i.config.map(c=>`${c.key}=${c.value}`).join(`
`),V.value=i.secretRefs.join(`
`),w.value=String(i.version),M.textContent=`Editing ${i.resourceKind} (${i.env}) at version ${i.version}.`,a.focus()},X=i=>i.split(`
`).map(c=>c.trim()).filter(c=>c!==""),se=()=>{y.replaceChildren(...o.map(i=>{let c={resourceKind:i.resourceKind,tenantId:e.tenantId,env:i.env,projectId:i.projectId,expectedVersion:i.version},T=t("span",{},P("Edit",{"aria-label":`Edit ${i.resourceKind} (${i.env})`},()=>z(i)),P("Delete",{"aria-label":`Delete ${i.resourceKind} (${i.env})`},()=>{C(An,{input:c},D(e)).then(Y,S=>ne(l,S,`${i.resourceKind} (${i.env})`))}));return O(i.resourceKind,i.env,i.projectId??"tenant-wide",i.backendType,Lt(i.config),String(i.version),i.updatedBy,T)}))},Y=async()=>{let i=await C(Sn,{},D(e));o=i.routes,r=i.projects.edges.map(({node:S})=>[S.id,S.name]);let c=s.value,T=[["","Tenant-wide"],...r];s.replaceChildren(...T.map(([S,H])=>t("option",{value:S},H))),s.value=c,se()},ne=(i,c,T)=>{x(i,c),!(!(c instanceof B)||c.code!=="CONFLICT")&&Y().then(()=>{let S=o.find(Z=>wn(Z,a.value,m.value,s.value)),H=S?`${T} is now at version ${S.version} (by ${S.updatedBy}). Your edit is kept: save again to replace that version.`:`${T} no longer exists. Your edit is kept: save again to create it.`;w.value=S?String(S.version):"",M.textContent=S?`Editing ${S.resourceKind} (${S.env}) at version ${S.version}.`:"A new route (saving fails if one exists).",i.append(t("p",{class:"resolution"},H))})};U(q,k,async()=>{let i=X(p.value).map(T=>{let S=T.indexOf("=");return S<0?{key:T,value:""}:{key:T.slice(0,S).trim(),value:T.slice(S+1).trim()}}),c={resourceKind:a.value,tenantId:e.tenantId,env:m.value,projectId:s.value||null,backendType:f.value,config:i,secretRefs:X(V.value),expectedVersion:w.value?Number(w.value):null};try{let{setRoute:T}=await C(Dn,{input:c},D(e));k.replaceChildren(t("p",{},`Saved ${T.resourceKind} at version ${T.version}.`)),w.value=String(T.version),M.textContent=`Editing ${T.resourceKind} (${m.value}) at version ${T.version}.`,await Y()}catch(T){ne(k,T,`${a.value} (${m.value})`)}});let[me,ae]=j("resolve-kind","Resource kind",{required:""}),oe=L({id:"resolved"}),ce=t("form",{id:"resolve-route"},t("h3",{},`Effective route in ${e.env}${e.projectId?", this project":""}`),me,ae,t("button",{type:"submit"},"Resolve"),oe);U(ce,oe,async()=>{let{route:i}=await C(xn,{kind:ae.value},D(e)),c=i.route;oe.replaceChildren(t("p",{},`${c.backendType} ${Lt(c.config)} \u2014 matched at the ${i.matchedScope} scope (${c.tenantId}, ${c.env}${c.projectId?`, ${c.projectId}`:""}), version ${c.version}`))});let $=t("textarea",{id:"routes-file",rows:"6",required:"",placeholder:`routes:
  - {resourceKind: kpi, tenantId: \u2026, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}`}),E=L({id:"routes-plan"}),b=t("form",{id:"plan-routes"},t("h3",{},"Preview a routes file"),t("label",{for:"routes-file"},"Routes file (YAML, as for northstar routes apply)"),$,t("button",{type:"submit"},"Preview changes"),E);U(b,E,async()=>{let{routesPlan:i}=await C(Rn,{file:$.value},D(e)),c=i.map(S=>O(S.outcome,S.resourceKind,S.env,S.projectId??"tenant-wide",S.changes.map(H=>`${H.field}: ${H.from??"\u2205"} \u2192 ${H.to??"\u2205"}`).join("; "))),T=["CREATE","UPDATE","UNCHANGED"].map(S=>`${i.filter(H=>H.outcome===S).length} ${S.toLowerCase()}`);E.replaceChildren(t("p",{},`Nothing was written: ${T.join(", ")}.`),_("plan",["Outcome","Kind","Env","Project","Changes"],c))});try{await Y()}catch(i){return x(n,i)}n.replaceChildren(ce,t("h3",{},"Routes"),t("table",{id:"routes"},t("thead",{},t("tr",{},...["Kind","Env","Project","Backend","Config","Version","By",""].map(i=>t("th",{scope:"col"},i)))),y),u,l,q,b);let R=he({session:e.session,tenantId:e.tenantId}),N=Ce(R,Tn,{},i=>{let c=i.routeChanged;u.textContent=`${c.resourceKind} (${c.env}) ${c.deleted?"deleted":`is at version ${c.version}`}`,Y().catch(T=>x(u,T))},i=>x(u,i));ge(()=>{N(),R.dispose()})}var Mn=h(`
  query ConsoleRoles {
    context { roles }
    projects(first: 100) { edges { node { id name } } }
  }
`),kn=h(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`),Pn=h(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`),qn=h(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id name version }
    apps { id name version }
  }
`),En=h(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`),jn=h(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`),Ln=h(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`),Vn=h(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`),Nn=h(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`),Un=h(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`),On=h(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`),Ut={id:"tab-projects",label:"Projects",adminOnly:!1,show:Qt},Nt=[{id:"tab-overview",label:"Overview",adminOnly:!1,show:Ot},Ut,{id:"tab-chat",label:"Chat",adminOnly:!1,show:Te},{id:"tab-members",label:"Members",adminOnly:!0,show:we},{id:"tab-routes",label:"Routes",adminOnly:!0,show:Vt},{id:"tab-accounts",label:"Service accounts",adminOnly:!0,show:xe},{id:"tab-audit",label:"Audit log",adminOnly:!0,show:Mt}];async function Me(e,n,o,r,y="tab-projects"){re();let u=r.find(q=>q.id===o)?.name??o,l;try{l=await C(Mn,{},{session:e,tenantId:o})}catch(q){return x(n,q)}let g={session:e,tenantId:o,tenantName:u,roles:l.context.roles,env:"dev",projectId:""},a=t("section",{id:"page"}),I=Nt.find(q=>q.id===y&&(!q.adminOnly||ue(g)))??Ut,m=t("nav",{"aria-label":"Tenant pages"}),A=q=>{re(),I=q;for(let z of m.querySelectorAll("button"))z.removeAttribute("aria-current");m.querySelector(`#${q.id}`)?.setAttribute("aria-current","page"),a.replaceChildren(t("p",{},"Loading\u2026")),q.show(g,a)};for(let q of Nt)(!q.adminOnly||ue(g))&&m.append(P(q.label,{id:q.id},()=>A(q)));let[s,d]=J("context-tenant","Tenant",r.map(q=>[q.id,q.name]),o);d.addEventListener("change",()=>{Me(e,n,d.value,r,I.id)});let[f,p]=J("context-env","Env",fe.map(q=>[q,q]),g.env);p.addEventListener("change",()=>{g.env=p.value,A(I)});let V=[["","No project"],...l.projects.edges.map(({node:q})=>[q.id,q.name])],[w,M]=J("context-project","Project",V,"");M.addEventListener("change",()=>{g.projectId=M.value,A(I)});let k=t("div",{class:"context",role:"group","aria-label":"Context"},t("span",{},s,d),t("span",{},f,p),t("span",{},w,M));n.replaceChildren(k,t("h2",{id:"tenant-name"},u),t("p",{id:"role"},`Your role: ${g.roles.join(", ")}`),m,a),A(I)}async function Ot(e,n){try{let{tenant:o}=await C(kn,{},D(e)),r=[t("h3",{},"Tenant"),t("dl",{id:"tenant"},t("dt",{},"Name"),t("dd",{},o.name),t("dt",{},"Id"),t("dd",{},o.id),t("dt",{},"Mode"),t("dd",{id:"tenant-mode"},`${o.mode.name} (${o.mode.id})${o.mode.description?` \u2014 ${o.mode.description}`:""}`),t("dt",{},"Version"),t("dd",{},String(o.version)),t("dt",{},"Created"),t("dd",{},o.createdAt),t("dt",{},"Updated"),t("dd",{},o.updatedAt))];if(ue(e)){let[y,u]=j("tenant-rename","New name",{required:"",value:o.name}),l=L(),g=t("form",{id:"rename-tenant"},y,u,t("button",{type:"submit"},"Rename"),l);U(g,l,async()=>{await C(Pn,{input:{tenantId:e.tenantId,name:u.value,expectedVersion:o.version}},D(e)),await Ot(e,n)}),r.push(g)}n.replaceChildren(...r)}catch(o){x(n,o)}}async function Qt(e,n){let o=()=>Qt(e,n),r=L({id:"projects-status"}),y=u=>()=>{u().then(o,l=>x(r,l))};try{let{projects:u,surfaces:l,apps:g}=await C(qn,{},D(e)),a=ue(e),I=u.edges.map(({node:s})=>{let d=t("span",{});if(a){let f={input:{projectId:s.id,expectedVersion:s.version}};d.append(s.archived?P("Unarchive",{"aria-label":`Unarchive ${s.name}`},y(()=>C(Ln,f,D(e)))):P("Archive",{"aria-label":`Archive ${s.name}`},y(()=>C(jn,f,D(e)))))}return O(s.name,s.id,s.archived?"archived":"active",String(s.version),d)}),m=(s,d,f)=>d.map(p=>O(p.name,p.id,String(p.version),a?P("Delete",{"aria-label":`Delete the ${s} ${p.name}`},y(()=>f(p.id))):"")),A=[t("h3",{},"Projects"),_("projects",["Name","Id","State","Version",""],I),t("h3",{},"Surfaces"),_("surfaces",["Name","Id","Version",""],m("surface",l,s=>C(Nn,{id:s},D(e)))),t("h3",{},"Apps"),_("apps",["Name","Id","Version",""],m("app",g,s=>C(On,{id:s},D(e)))),r];if(a){let s=(d,f,p)=>{let[V,w]=j(`${d}-name`,`${f} name`,{required:""}),M=L(),k=t("form",{id:d},V,w,t("button",{type:"submit"},`Create ${f.toLowerCase()}`),M);return U(k,M,()=>p(w.value).then(o)),k};A.push(t("div",{class:"forms"},s("create-project","Project",d=>C(En,{input:{tenantId:e.tenantId,name:d}},D(e))),s("create-surface","Surface",d=>C(Vn,{input:{tenantId:e.tenantId,name:d}},D(e))),s("create-app","App",d=>C(Un,{input:{tenantId:e.tenantId,name:d}},D(e)))))}n.replaceChildren(...A)}catch(u){x(n,u)}}var Qn=h(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`),Kn=h(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),_n=h(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`),Kt=document.getElementById("app");function ke(){let[e,n]=j("email","Email",{type:"email",autocomplete:"username",required:""}),[o,r]=j("password","Password",{type:"password",autocomplete:"current-password",required:""}),[y,u]=j("tenant-name","New tenant (sign up only)",{type:"text"}),l=t("div",{"aria-live":"polite"}),g=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,r,t("button",{type:"submit"},"Sign in"),y,u,P("Sign up",{id:"sign-up"},()=>{Tt(n.value,r.value,u.value).then(de,a=>x(l,a))}),l);g.addEventListener("submit",a=>{a.preventDefault(),Rt(n.value,r.value).then(de,I=>x(l,I))}),Kt.replaceChildren(g),n.focus()}async function de(){re();let e=At();if(!e)return ke();let n=t("main",{}),o=t("nav",{"aria-label":"Console",class:"top"},P("Tenants",{id:"home"},()=>{de()}));Kt.replaceChildren(t("header",{},t("span",{id:"who"},e.email),o,P("Sign out",{id:"sign-out"},()=>{wt().then(ke)})),n);try{let{tenants:r,myInvitations:y}=await C(Qn,{},{session:e}),u=r.map(m=>({id:m.id,name:m.name}));r.some(m=>m.id==="t_system")&&o.append(P("System",{id:"system"},()=>{re(),xt(e,n)}));let l=t("ul",{id:"tenants"},...r.map(m=>t("li",{},P(`${m.name} (${m.mode.name})`,{"data-tenant":m.id},()=>{Me(e,n,m.id,u)})))),g=L(),a=m=>()=>{m().then(de,A=>x(g,A))},I=t("ul",{id:"my-invitations"},...y.map(m=>t("li",{},`${m.role} in ${m.tenantId}, until ${m.expiresAt} `,P("Accept",{"data-invitation":m.id},a(()=>C(Kn,{id:m.id},{session:e}))),P("Decline",{"aria-label":`Decline the invitation to ${m.tenantId}`},a(()=>C(_n,{id:m.id},{session:e}))))));n.replaceChildren(t("h2",{},"Your tenants"),l,...y.length>0?[t("h2",{},"Invitations for you"),I,g]:[])}catch(r){x(n,r)}}Se().then(e=>e?de():ke());
