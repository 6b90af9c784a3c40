var X=class extends Error{constructor(o,s,c){super(s);this.code=o;this.requestId=c}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}},Se=null;function Le(e){Se=e}async function y(e,n,o={}){try{return await Ve(e,n,o)}catch(s){if(!(s instanceof X)||s.code!=="UNAUTHENTICATED"||!o.session||!Se||!await Se())throw s;return Ve(e,n,o)}}async function Ve(e,n,o){let s={"Content-Type":"application/json"};o.session&&(s.Authorization=`Bearer ${o.session.token}`),o.tenantId&&(s["X-Tenant-Id"]=o.tenantId),o.env&&(s["X-Env"]=o.env),o.projectId&&(s["X-Project-Id"]=o.projectId);let c=e.__meta__?.hash,a=c?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:c}}}:{query:e.toString(),variables:n},p;try{p=await fetch("/query",{method:"POST",headers:s,body:JSON.stringify(a)})}catch(k){throw new X("NETWORK",`the API did not answer: ${String(k)}`,"")}let f=p.headers.get("X-Request-Id")??"",m;try{m=await p.json()}catch{throw new X(`HTTP_${p.status}`,"the API answered something that is not GraphQL",f)}let d=m.errors?.[0];if(d)throw new X(d.extensions?.code??"ERROR",d.message,f);if(m.data==null)throw new X(`HTTP_${p.status}`,"no data in the answer",f);return m.data}function t(e,n={},...o){let s=document.createElement(e);for(let[c,a]of Object.entries(n))s.setAttribute(c,a);return s.append(...o),s}function q(e,n,o){let s=t("button",{type:"button",...n},e);return s.addEventListener("click",o),s}function T(e,n){let o=n instanceof X?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function L(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}function B(e,n,o){let s=t("table",{id:e},t("thead",{},t("tr",{},...n.map(c=>t("th",{scope:"col"},c)))),t("tbody",{}));return ce(s,o),s}function ce(e,n,o=!1){let s=[...e.tHead?.rows[0]?.cells??[]].map(a=>a.textContent??"");for(let a of n)[...a.cells].forEach((p,f)=>{let m=s[f];m&&(p.dataset.label=m)});let c=e.tBodies[0]??e.createTBody();o?c.append(...n):c.replaceChildren(...n),e.deleteTFoot(),c.rows.length===0&&e.createTFoot().append(t("tr",{},t("td",{colspan:String(s.length),class:"meta"},"None.")))}function W(...e){return t("tr",{},...e.map(n=>t("td",{},n)))}function U(e={}){return t("div",{"aria-live":"polite",...e})}function _(e,n,o){e.addEventListener("submit",s=>{s.preventDefault(),n.replaceChildren(),o().catch(c=>T(n,c))})}function ne(e,n,o,s){let c=t("select",{id:e},...o.map(([a,p])=>t("option",a===s?{value:a,selected:""}:{value:a},p)));return[t("label",{for:e},n),c]}function me(e){let n=t("div",{},t("p",{},"Loading\u2026"));return e.replaceChildren(n),n}var fe=["dev","staging","prod"];function ue(e){return e.roles.some(n=>n==="ADMIN"||n==="OWNER")}function M(e){let n={session:e.session,tenantId:e.tenantId,env:e.env};return e.projectId&&(n.projectId=e.projectId),n}var xe=[];function Ce(e){xe.push(e)}function de(){let e=xe;xe=[];for(let n of e)n()}var C=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},Ue=new C(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `,{hash:"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}),Ne=new C(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}),Oe=new C(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}),Qe=new C(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `,{hash:"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}),Ke=new C(`
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
    `,{hash:"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}),_e=new C(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `,{hash:"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}),He=new C(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `,{hash:"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}),Be=new C(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `,{hash:"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}),Fe=new C(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `,{hash:"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}),We=new C(`
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
    tenantName
    role
    expiresAt
  }
}
    `,{hash:"sha256:d3f085774093e767df9c897ae30a53d69bf977857c313700337f1d0a1ec01e88"}),Ge=new C(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),ze=new C(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `,{hash:"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}),Ye=new C(`
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
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),Xe=new C(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),Je=new C(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),Ze=new C(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `,{hash:"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}),et=new C(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `,{hash:"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}),tt=new C(`
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
    `,{hash:"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}),nt=new C(`
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
    `,{hash:"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}),ot=new C(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `,{hash:"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}),rt=new C(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `,{hash:"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}),it=new C(`
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
    `,{hash:"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}),st=new C(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    projectId
    version
    deleted
  }
}
    `,{hash:"sha256:c5176f967beed53c4a4e906f7e3add45bd185aaa4fed88d5df95506c7098a765"}),at=new C(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),ct=new C(`
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
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),ut=new C(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),pt=new C(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),dt=new C(`
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
    `,{hash:"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}),lt=new C(`
    mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
  setTenantMode(
    tenantId: $tenantId
    mode: $mode
    expectedVersion: $expectedVersion
  ) {
    id
    version
    mode {
      id
    }
  }
}
    `,{hash:"sha256:562385d272536001dec0d070d04f14523cd4c1ad400b6b721a9d90bc84501a8f"}),mt=new C(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `,{hash:"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}),ft=new C(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `,{hash:"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}),gt=new C(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `,{hash:"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}),yt=new C(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `,{hash:"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}),ht=new C(`
    query ConsoleRoles {
  context {
    roles
  }
  tenant {
    name
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
    `,{hash:"sha256:306d4900c2d9ff987e6ba8d9c6386fc646afd8d0f8ee3756c24503093ff10a4c"}),Ct=new C(`
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
    `,{hash:"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}),vt=new C(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}),bt=new C(`
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
    tenantId
    name
    version
  }
  apps {
    id
    tenantId
    name
    version
  }
}
    `,{hash:"sha256:f0d24efef394f5d7b1d11820e515c3e2763a7f2795d122e0ff6966167e2d7cca"}),It=new C(`
    mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:931b8056037b694a4bc10ec2865c5ac1a32f2859a81ead6de14f490effa985da"}),$t=new C(`
    mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
  updateSurface(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:7b069dbad461d22c80a10e45dbb01f8511a25ebc00bb511587083726c011a771"}),St=new C(`
    mutation ConsoleUpdateApp($input: UpdateAppInput!) {
  updateApp(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:c07b1508762771e2a7c34a12548f926a4e545aacd8bbb11592eddfc847b61c48"}),xt=new C(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}),Dt=new C(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}),At=new C(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}),Tt=new C(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `,{hash:"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}),wt=new C(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `,{hash:"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}),Mt=new C(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `,{hash:"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}),Rt=new C(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `,{hash:"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"});var Zt={"\n  query ConsoleServiceAccounts {\n    serviceAccounts { id name scopes createdAt }\n  }\n":Ue,"\n  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }\n  }\n":Ne,"\n  mutation ConsoleRotateServiceAccount($id: ID!) {\n    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }\n  }\n":Oe,"\n  mutation ConsoleDeleteServiceAccount($id: ID!) {\n    deleteServiceAccount(id: $id)\n  }\n":Qe,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Ke,"\n  query ConsoleThreads {\n    threads(first: 50) { id title createdAt lastSeq }\n  }\n":_e,"\n  mutation ConsoleCreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) { id }\n  }\n":He,"\n  mutation ConsolePost($input: PostMessageInput!) {\n    postMessage(input: $input) { seq }\n  }\n":Be,"\n  subscription ConsoleFollow($threadId: ID!, $after: Int) {\n    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }\n  }\n":Fe,"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId tenantName role expiresAt }\n  }\n":We,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":Ge,"\n  mutation ConsoleDecline($id: ID!) {\n    declineInvitation(id: $id)\n  }\n":ze,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":Ye,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":Xe,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":Je,"\n  mutation ConsoleSetRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) { userId role version }\n  }\n":Ze,"\n  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n":et,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":tt,"\n  query ConsoleResolveRoute($kind: String!) {\n    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }\n  }\n":nt,"\n  mutation ConsoleSetRoute($input: SetRouteInput!) {\n    setRoute(input: $input) { resourceKind version }\n  }\n":ot,"\n  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {\n    deleteRoute(input: $input)\n  }\n":rt,"\n  query ConsoleRoutesPlan($file: String!) {\n    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }\n  }\n":it,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env projectId version deleted }\n  }\n":st,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":at,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":ct,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":ut,"\n  mutation ConsoleLogout {\n    logout\n  }\n":pt,"\n  query ConsoleAllTenants($first: Int, $after: String, $search: String) {\n    allTenants(first: $first, after: $after, search: $search) {\n      edges { node { id name version createdAt mode { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":dt,"\n  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {\n    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }\n  }\n":lt,"\n  query ConsoleModes {\n    modes { id name description version }\n  }\n":mt,"\n  mutation ConsoleCreateMode($input: CreateModeInput!) {\n    createMode(input: $input) { id }\n  }\n":ft,"\n  mutation ConsoleUpdateMode($input: UpdateModeInput!) {\n    updateMode(input: $input) { id version }\n  }\n":gt,"\n  mutation ConsoleDeleteMode($id: ID!) {\n    deleteMode(id: $id)\n  }\n":yt,"\n  query ConsoleRoles {\n    context { roles }\n    tenant { name }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":ht,"\n  query ConsoleTenant {\n    tenant { id name version createdAt updatedAt mode { id name description } }\n  }\n":Ct,"\n  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) { id name version }\n  }\n":vt,"\n  query ConsoleProjects {\n    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }\n    surfaces { id tenantId name version }\n    apps { id tenantId name version }\n  }\n":bt,"\n  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { id name version }\n  }\n":It,"\n  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {\n    updateSurface(input: $input) { id name version }\n  }\n":$t,"\n  mutation ConsoleUpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) { id name version }\n  }\n":St,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":xt,"\n  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {\n    archiveProject(input: $input) { id archived }\n  }\n":Dt,"\n  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {\n    unarchiveProject(input: $input) { id archived }\n  }\n":At,"\n  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {\n    createSurface(input: $input) { id }\n  }\n":Tt,"\n  mutation ConsoleDeleteSurface($id: ID!) {\n    deleteSurface(id: $id)\n  }\n":wt,"\n  mutation ConsoleCreateApp($input: CreateAppInput!) {\n    createApp(input: $input) { id }\n  }\n":Mt,"\n  mutation ConsoleDeleteApp($id: ID!) {\n    deleteApp(id: $id)\n  }\n":Rt};function h(e){return Zt[e]??{}}var en=h(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),tn=h(`
  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }
  }
`),Pt=h(`
  query ConsoleModes {
    modes { id name description version }
  }
`),nn=h(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`),on=h(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`),rn=h(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`),pe={tenantId:"t_system"};async function De(e,n){history.replaceState(null,"","#system");let o=me(n),s=t("section",{}),c=t("section",{});o.replaceChildren(t("h2",{},"System"),s,c),await Promise.all([sn(e,s),kt(e,c)])}async function sn(e,n){let[o,s]=L("tenant-search","Search by name or id",{type:"search"}),c=U({id:"all-tenants-status"}),a=B("all-tenants",["Name","Id","Mode","Version","Created"],[]),p=t("div",{class:"pager"}),f=[],m=null,d="",k=y(Pt,{},{session:e,...pe}),b=async r=>{let[{allTenants:l},{modes:w}]=await Promise.all([y(en,{first:20,after:r,search:d||null},{session:e,...pe}),k]);m=r,ce(a,l.edges.map(({node:u})=>{let[,g]=ne(`mode-of-${u.id}`,"",w.map(j=>[j.id,j.name]),u.mode.id);g.setAttribute("aria-label",`Mode of ${u.name}`);let D=async()=>{let j;try{await y(tn,{tenantId:u.id,mode:g.value,expectedVersion:u.version},{session:e,...pe})}catch(K){j=K}await b(m),j!==void 0&&T(c,j)};return g.addEventListener("change",()=>{D().catch(j=>T(c,j))}),W(u.name,u.id,g,String(u.version),u.createdAt)}));let $=l.pageInfo.endCursor??null;p.replaceChildren(...f.length>0?[q("Previous page",{id:"tenants-previous"},()=>{b(f.pop()??null).catch(u=>T(c,u))})]:[],...l.pageInfo.hasNextPage?[q("Next page",{id:"tenants-next"},()=>{f.push(m),b($).catch(u=>T(c,u))})]:[])},v=t("form",{id:"search-tenants",class:"inline",role:"search"},o,s,t("button",{type:"submit"},"Search"),c);_(v,c,()=>(f.length=0,d=s.value,b(null)));try{await b(null)}catch(r){return T(n,r)}n.replaceChildren(t("h3",{},"All tenants"),v,a,p)}async function kt(e,n){let o=()=>kt(e,n),s=U({id:"modes-status"});try{let{modes:c}=await y(Pt,{},{session:e,...pe}),a=c.map(l=>{let w=t("input",{value:l.name,"aria-label":`Name of ${l.id}`}),$=t("input",{value:l.description??"","aria-label":`Description of ${l.id}`}),u=q("Save",{"aria-label":`Save ${l.id}`},()=>{y(on,{input:{id:l.id,name:w.value,description:$.value||null,expectedVersion:l.version}},{session:e,...pe}).then(o,D=>T(s,D))}),g=q("Delete",{"aria-label":`Delete ${l.id}`},()=>{y(rn,{id:l.id},{session:e,...pe}).then(o,D=>T(s,D))});return W(l.id,w,$,String(l.version),t("span",{},u,g))}),[p,f]=L("mode-id","Id (a-z, 0-9, - and _)",{required:"",pattern:"[a-z0-9_\\-]{1,32}"}),[m,d]=L("mode-name","Name",{required:""}),[k,b]=L("mode-description","Description"),v=U(),r=t("form",{id:"create-mode"},t("h4",{},"New mode"),p,f,m,d,k,b,t("button",{type:"submit"},"Create mode"),v);_(r,v,()=>y(nn,{input:{id:f.value,name:d.value,description:b.value||null}},{session:e,...pe}).then(o)),n.replaceChildren(t("h3",{},"Modes"),B("modes",["Id","Name","Description","Version",""],a),s,r)}catch(c){T(n,c)}}var an=h(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),cn=h(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),un=h(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),pn=h(`
  mutation ConsoleLogout {
    logout
  }
`),ve="northstar.refresh",se=null;function Te(e){return e.refreshToken&&sessionStorage.setItem(ve,e.refreshToken),se&&se.userId===e.user.id?se.token=e.token:se={token:e.token,email:e.user.email,userId:e.user.id},se}var Ae=null;Le(()=>(Ae??=we().then(e=>e!==null).finally(()=>{Ae=null}),Ae));function jt(){return se}async function qt(e,n){let o=await y(an,{input:{email:e,password:n}});return Te(o.login)}async function Et(e,n,o){let s=await y(cn,{input:{email:e,password:n,tenantName:o}});return Te(s.signup)}async function we(){let e=sessionStorage.getItem(ve);if(!e)return null;try{let n=await y(un,{refreshToken:e});return Te(n.refreshSession)}catch{return sessionStorage.removeItem(ve),null}}async function Vt(){let e=se;se=null,sessionStorage.removeItem(ve),e&&await y(pn,{},{session:e}).catch(()=>{})}var dn=h(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);async function Lt(e,n){let[o,s]=L("audit-action","Action (e.g. route.set)"),[c,a]=L("audit-target","Target id"),p=U({id:"audit-status"}),f=B("audit",["When","Action","Target","By","Changes","Request"],[]),m=t("div",{}),d=t("form",{id:"audit-filters",class:"inline"},o,s,c,a,t("button",{type:"submit"},"Filter"),p),k=async b=>{let{auditEvents:v}=await y(dn,{first:20,after:b,action:s.value||null,targetId:a.value||null},M(e));ce(f,v.edges.map(({node:l})=>W(l.at,l.action,`${l.targetType} ${l.targetId}`,l.actor.label??l.actor.id,l.changes.map(w=>`${w.field}: ${w.from??"\u2205"} \u2192 ${w.to??"\u2205"}`).join("; "),l.requestId??"")),b!==null);let r=v.pageInfo.endCursor??null;m.replaceChildren(...v.pageInfo.hasNextPage?[q("Older events",{id:"audit-older"},()=>{k(r).catch(l=>T(p,l))})]:[])};_(d,p,()=>k(null));try{await k(null)}catch(b){return T(n,b)}n.replaceChildren(t("h3",{},"Audit log"),d,f,m)}var ln=h(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`),mn=h(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`),fn=h(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`),gn=h(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`),yn=["routes:read","chat:read","chat:write"];async function Me(e,n,o){let s=a=>Me(e,n,a),c=U({id:"accounts-status"});try{let{serviceAccounts:a}=await y(ln,{},M(e)),p=a.map(r=>W(r.name,r.id,r.scopes.join(", "),r.createdAt,t("span",{},q("Rotate secret",{"aria-label":`Rotate the secret of ${r.name}`},()=>{y(fn,{id:r.id},M(e)).then(l=>s({name:l.rotateServiceAccountSecret.serviceAccount.name,...l.rotateServiceAccountSecret}),l=>T(c,l))}),q("Delete",{"aria-label":`Delete ${r.name}`},()=>{y(gn,{id:r.id},M(e)).then(()=>s(),l=>T(c,l))})))),[f,m]=L("account-name","Name",{required:""}),d=yn.map(r=>t("input",{type:"checkbox",id:`scope-${r.replace(":","-")}`,value:r})),k=U(),b=t("form",{id:"create-account"},t("h3",{},"New service account"),f,m,t("fieldset",{},t("legend",{},"Scopes"),...d.map(r=>t("label",{},r,` ${r.value}`))),t("button",{type:"submit"},"Create"),k);_(b,k,async()=>{let r=d.filter(w=>w.checked).map(w=>w.value),{createServiceAccount:l}=await y(mn,{input:{tenantId:e.tenantId,name:m.value,scopes:r}},M(e));await s({name:l.serviceAccount.name,clientId:l.clientId,clientSecret:l.clientSecret})});let v=[t("h3",{},"Service accounts")];o&&v.push(t("div",{id:"account-secret",role:"status",class:"secret"},t("p",{},`The secret of ${o.name}, shown this once: copy it now.`),t("p",{},"Client id: ",t("code",{},o.clientId)),t("p",{},"Client secret: ",t("code",{id:"client-secret"},o.clientSecret)))),v.push(B("accounts",["Name","Client id","Scopes","Created",""],p),c,b),n.replaceChildren(...v)}catch(a){T(n,a)}}function J(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ae(e){return J(e)==="object"}function hn(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function Re(e,n){return e.length<124?e:n}var Ut="graphql-transport-ws";var oe=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(oe||{}),re=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(re||{});function Nt(e){if(!ae(e))throw new Error(`Message is expected to be an object, but got ${J(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${J(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${J(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${J(e.payload.query)}`);if(e.payload.variables!=null&&!ae(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${J(e.payload.variables)}`);if(e.payload.operationName!=null&&J(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${J(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ae(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${J(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${J(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!hn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Ot(e,n){return Nt(typeof e=="string"?JSON.parse(e,n):e)}function le(e,n){return Nt(e),JSON.stringify(e,n)}function ke(e){let{url:n,connectionParams:o,lazy:s=!0,onNonLazyError:c=console.error,lazyCloseTimeout:a=0,keepAlive:p=0,disablePong:f,connectionAckWaitTimeout:m=0,retryAttempts:d=5,retryWait:k=async function(V){let x=Math.pow(2,V);await new Promise(P=>setTimeout(P,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:b=Pe,on:v,webSocketImpl:r,generateID:l=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,V=>{let x=Math.random()*16|0;return(V=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:w,jsonMessageReviver:$}=e,u;if(r){if(!vn(r))throw new Error("Invalid WebSocket implementation provided");u=r}else typeof WebSocket<"u"?u=WebSocket:typeof global<"u"?u=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(u=window.WebSocket||window.MozWebSocket);if(!u)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let g=u,D=(()=>{let A=(()=>{let x={};return{on(P,O){return x[P]=O,()=>{delete x[P]}},emit(P){"id"in P&&x[P.id]?.(P)}}})(),V={connecting:v?.connecting?[v.connecting]:[],opened:v?.opened?[v.opened]:[],connected:v?.connected?[v.connected]:[],ping:v?.ping?[v.ping]:[],pong:v?.pong?[v.pong]:[],message:v?.message?[A.emit,v.message]:[A.emit],closed:v?.closed?[v.closed]:[],error:v?.error?[v.error]:[]};return{onMessage:A.on,on(x,P){let O=V[x];return O.push(P),()=>{let Q=O.indexOf(P);Q>-1&&O.splice(Q,1)}},emit(x,...P){for(let O of[...V[x]])O(...P)}}})();function j(A){let V=[D.on("error",x=>{V.forEach(P=>P()),A(x)}),D.on("closed",x=>{V.forEach(P=>P()),A(x)})];return()=>V.forEach(x=>x())}let K,H=0,Z,S=!1,N=0,ee=!1;async function te(){clearTimeout(Z);let[A,V]=await(K??(K=new Promise((O,Q)=>(async()=>{if(S){if(await k(N),!H)return K=void 0,Q({code:1e3,reason:"All Subscriptions Gone"});N++}D.emit("connecting",S);let i=new g(typeof n=="function"?await n():n,Ut),I,E;function R(){isFinite(p)&&p>0&&(clearTimeout(E),E=setTimeout(()=>{i.readyState===g.OPEN&&(i.send(le({type:re.Ping})),D.emit("ping",!1,void 0))},p))}j(F=>{K=void 0,clearTimeout(I),clearTimeout(E),Q(F),F instanceof ge&&(i.close(4499,"Terminated"),i.onerror=null,i.onclose=null)}),i.onerror=F=>D.emit("error",F),i.onclose=F=>D.emit("closed",F),i.onopen=async()=>{try{D.emit("opened",i);let F=typeof o=="function"?await o():o;if(i.readyState!==g.OPEN)return;i.send(le(F?{type:re.ConnectionInit,payload:F}:{type:re.ConnectionInit},w)),isFinite(m)&&m>0&&(I=setTimeout(()=>{i.close(oe.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},m)),R()}catch(F){D.emit("error",F),i.close(oe.InternalClientError,Re(F instanceof Error?F.message:String(F),"Internal client error"))}};let z=!1;i.onmessage=({data:F})=>{try{let G=Ot(F,$);if(D.emit("message",G),G.type==="ping"||G.type==="pong"){D.emit(G.type,!0,G.payload),G.type==="pong"?R():f||(i.send(le(G.payload?{type:re.Pong,payload:G.payload}:{type:re.Pong},w)),D.emit("pong",!1,G.payload));return}if(z)return;if(G.type!==re.ConnectionAck)throw new Error(`First message cannot be of type ${G.type}`);clearTimeout(I),z=!0,D.emit("connected",i,G.payload,S),S=!1,N=0;let Ee=new Promise((eo,Xt)=>j(Xt));Ee.catch(()=>{}),O([i,Ee])}catch(G){i.onmessage=null,D.emit("error",G),i.close(oe.BadResponse,Re(G instanceof Error?G.message:String(G),"Bad response"))}}})())));A.readyState===g.CLOSING&&await V;let x=()=>{},P=new Promise(O=>x=O);return[A,x,new Promise((O,Q)=>{let i=j(Q);A.readyState!==g.OPEN&&V.catch(Q),P.then(()=>{if(i(),!H){let I=()=>A.close(1e3,"Normal Closure");isFinite(a)&&a>0?(clearTimeout(Z),Z=setTimeout(()=>{!H&&A.readyState===g.OPEN&&I()},a)):I()}O()})})]}function ie(A){if(Pe(A)&&(Cn(A.code)||[oe.InternalServerError,oe.InternalClientError,oe.BadRequest,oe.BadResponse,oe.Unauthorized,oe.SubprotocolNotAcceptable,oe.SubscriberAlreadyExists,oe.TooManyInitialisationRequests].includes(A.code)))throw A;if(ee)return!1;if(Pe(A)&&A.code===1e3)return H>0;if(!d||N>=d||!b(A))throw A;return S=!0}s||(async()=>{for(H++;;)try{let[,,A]=await te();await A}catch(A){try{if(!ie(A))return}catch(V){return c?.(V)}}})();function Y(A,V){let x=l(A),P=!1,O=!1,Q=()=>{H--,P=!0};return(async()=>{for(H++;;)try{let[i,I,E]=await te();if(P)return E.catch(()=>{}),I();let R=D.onMessage(x,z=>{switch(z.type){case re.Next:{V.next(z.payload);return}case re.Error:{O=!0,P=!0,V.error(z.payload),Q();return}case re.Complete:{P=!0,Q();return}}});i.send(le({id:x,type:re.Subscribe,payload:A},w)),Q=()=>{!P&&i.readyState===g.OPEN&&i.send(le({id:x,type:re.Complete},w)),H--,P=!0,I()},await E.finally(R);return}catch(i){if(!ie(i))return}})().then(()=>{O||V.complete()}).catch(i=>{V.error(i)}),()=>{P||Q()}}return{on:D.on,subscribe:Y,iterate(A){let V=[],x={done:!1,error:null,resolve:()=>{}},P=Y(A,{next(Q){V.push(Q),x.resolve()},error(Q){x.done=!0,x.error=Q,x.resolve()},complete(){x.done=!0,x.resolve()}}),O=(async function*(){for(;;){for(V.length||await new Promise(i=>x.resolve=i);V.length;)yield V.shift();if(x.error)throw x.error;if(x.done)return}})();return O.throw=async Q=>(x.done||(x.done=!0,x.error=Q,x.resolve()),{done:!0,value:void 0}),O.return=async()=>(P(),{done:!0,value:void 0}),O},async dispose(){if(ee=!0,K){let[A]=await K;A.close(1e3,"Normal Closure")}},terminate(){K&&D.emit("closed",new ge)}}}var ge=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function Pe(e){return ae(e)&&"code"in e&&"reason"in e}function Cn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function vn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function be(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return ke({url:n,connectionParams:()=>({authorization:e.session?`Bearer ${e.session.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function Ie(e,n,o,s,c,a=()=>{}){let p=n.__meta__?.hash;return e.subscribe(p?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:p}}}:{query:n.toString(),variables:o},{next:f=>{let m=f.errors?.[0];m?c(new X(String(m.extensions?.code??"ERROR"),m.message,"")):f.data&&s(f.data)},error:f=>c(new X("SUBSCRIPTION",f instanceof Error?f.message:"the subscription ended with an error","")),complete:a})}var bn=h(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`),In=h(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`),$n=h(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`),Sn=h(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`),xn=50;async function je(e,n){if(!e.projectId){n.replaceChildren(t("p",{id:"chat-needs-project"},"Threads belong to a project: choose one in the context bar above."));return}try{let{threads:o}=await y(bn,{},M(e)),s=o.map(m=>W(q(m.title,{"data-thread":m.id},()=>{Qt(e,n,m.id,m.title,m.lastSeq)}),String(m.lastSeq),m.createdAt)),[c,a]=L("new-thread-title","Title",{required:""}),p=U(),f=t("form",{id:"create-thread"},c,a,t("button",{type:"submit"},"Start a thread"),p);_(f,p,async()=>{let{createThread:m}=await y(In,{input:{projectId:e.projectId,title:a.value}},M(e));await Qt(e,n,m.id,a.value,0)}),n.replaceChildren(t("h3",{},`Threads in ${e.env}`),B("threads",["Thread","Messages","Started"],s),f)}catch(o){T(n,o)}}async function Qt(e,n,o,s,c){let a=t("ol",{id:"messages","aria-live":"polite"}),p=t("p",{id:"chat-live"},"Connecting\u2026"),[f,m]=L("message-text","Message",{required:"",maxlength:"4000",autocomplete:"off"}),d=U(),k=t("form",{id:"post-message",class:"inline"},f,m,t("button",{type:"submit"},"Post"),d);if(_(k,d,async()=>{await y($n,{input:{threadId:o,text:m.value}},M(e)),m.value="",m.focus()}),n.replaceChildren(q("All threads",{id:"threads-back"},()=>{je(e,n)}),t("h3",{id:"thread-title"},s),a,p,k),m.focus(),!n.isConnected)return;let b=Math.max(0,c-xn),v={threadId:o,after:b},r=be(M(e));r.on("connected",()=>{p.textContent="Following."}),r.on("closed",()=>{p.textContent="Reconnecting\u2026"});let l=!1,w=()=>{},$=()=>{w=Ie(r,Sn,v,u=>{let g=u.messagePosted;if(g.seq<=b)return;b=g.seq,v.after=g.seq;let D=g.authorId===e.session.userId?"you":g.authorId;a.append(t("li",{"data-seq":String(g.seq)},t("span",{class:"meta"},`${D} \xB7 ${g.createdAt} `),g.text))},u=>T(p,u),()=>{l||$()})};$(),Ce(()=>{l=!0,w(),r.dispose()})}var Dn=h(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),An=h(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),Tn=h(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),wn=h(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`),Mn=h(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),Rn=["VIEWER","MEMBER","ADMIN","OWNER"],Kt=Rn.map(e=>[e,e]);async function $e(e,n,o){let s=async()=>{await e.refresh(),await $e(e,n)},c=U({id:"members-status"});o!==void 0&&T(c,o);let a=p=>{p().then(s).catch(f=>T(c,f))};try{let{members:p,invitations:f}=await y(Dn,{},M(e)),m=p.map($=>{let u=$.user?.email??$.userId,[,g]=ne(`role-${$.userId}`,"",Kt,$.role);g.setAttribute("aria-label",`Role of ${u}`),g.addEventListener("change",()=>{y(wn,{input:{tenantId:e.tenantId,userId:$.userId,role:g.value,expectedVersion:$.version}},M(e)).then(s,j=>$e(e,n,j)).catch(j=>T(c,j))});let D=q("Remove",{"aria-label":`Remove ${u}`},()=>a(()=>y(Mn,{input:{tenantId:e.tenantId,userId:$.userId}},M(e))));return W(u,g,String($.version),D)}),d=f.map($=>{let u=$.status==="PENDING"?q("Revoke",{"aria-label":`Revoke the invitation of ${$.email}`},()=>a(()=>y(Tn,{id:$.id},M(e)))):"",g=W($.email,$.role,$.status,$.expiresAt,u);return g.cells[2]?.setAttribute("class","status"),g}),[k,b]=L("invite-email","Email",{type:"email",required:""}),[v,r]=ne("invite-role","Role",Kt,"MEMBER"),l=U(),w=t("form",{id:"invite"},t("h3",{},"Invite someone"),k,b,v,r,t("button",{type:"submit"},"Invite"),l);_(w,l,()=>y(An,{input:{tenantId:e.tenantId,email:b.value,role:r.value}},M(e)).then(s)),n.replaceChildren(t("h3",{},"Members"),B("members",["Email","Role","Version",""],m),c,t("h3",{},"Invitations"),B("invitations",["Email","Role","Status","Expires",""],d),w)}catch(p){T(n,p)}}var Pn=h(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`),kn=h(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`),jn=h(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`),qn=h(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`),En=h(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`),Vn=h(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env projectId version deleted }
  }
`),_t=e=>e.map(n=>`${n.key}=${n.value}`).join(", "),Ln=(e,n,o,s)=>e.resourceKind===n&&e.env===o&&(e.projectId??"")===s;async function Ht(e,n){let o=[],s=[],c=B("routes",["Kind","Env","Project","Backend","Config","Version","By",""],[]),a=null,p=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),f=U({id:"routes-status"}),[m,d]=L("route-kind","Resource kind",{required:"",pattern:"[a-z0-9_]+"}),[k,b]=ne("route-env","Env",fe.map(i=>[i,i]),e.env),[v,r]=ne("route-project","Project",[["","Tenant-wide"]],""),[l,w]=L("route-backend","Backend type",{required:""}),$=t("textarea",{id:"route-config",rows:"3",placeholder:"address=redis.internal:6379"}),u=t("textarea",{id:"route-secrets",rows:"2",placeholder:"password=file:///run/secrets/\u2026"}),g=t("input",{type:"hidden",id:"route-version",value:""}),D=t("p",{id:"route-editing"},"A new route (saving fails if one exists)."),j=U({id:"route-status"}),K=t("form",{id:"set-route"},t("h3",{},"Set a route"),D,m,d,k,b,v,r,l,w,t("label",{for:"route-config"},"Config (key=value per line)"),$,t("label",{for:"route-secrets"},"Secret references (name=reference per line)"),u,g,t("button",{type:"submit"},"Save route"),j),H=i=>{d.value=i.resourceKind,b.value=i.env,r.value=i.projectId??"",w.value=i.backendType,$.value=i.config.map(I=>`${I.key}=${I.value}`).join(`
`),u.value=i.secretRefs.join(`
`),g.value=String(i.version),D.textContent=`Editing ${i.resourceKind} (${i.env}) at version ${i.version}.`,a={kind:i.resourceKind,env:i.env,projectId:i.projectId??""},d.focus()},Z=i=>i.split(`
`).map(I=>I.trim()).filter(I=>I!==""),S=()=>{ce(c,o.map(i=>{let I={resourceKind:i.resourceKind,tenantId:e.tenantId,env:i.env,projectId:i.projectId,expectedVersion:i.version},E=t("span",{},q("Edit",{"aria-label":`Edit ${i.resourceKind} (${i.env})`},()=>H(i)),q("Delete",{"aria-label":`Delete ${i.resourceKind} (${i.env})`},()=>{y(qn,{input:I},M(e)).then(N,R=>ee(f,R,`${i.resourceKind} (${i.env})`))}));return W(i.resourceKind,i.env,i.projectId??"tenant-wide",i.backendType,_t(i.config),String(i.version),i.updatedBy,E)}))},N=async()=>{let i=await y(Pn,{},M(e));o=i.routes,s=i.projects.edges.map(({node:R})=>[R.id,R.name]);let I=r.value,E=[["","Tenant-wide"],...s];r.replaceChildren(...E.map(([R,z])=>t("option",{value:R},z))),r.value=I,S()},ee=(i,I,E)=>{T(i,I),!(!(I instanceof X)||I.code!=="CONFLICT")&&N().then(()=>{let R=o.find(F=>Ln(F,d.value,b.value,r.value)),z=R?`${E} is now at version ${R.version} (by ${R.updatedBy}). Your edit is kept: save again to replace that version.`:`${E} no longer exists. Your edit is kept: save again to create it.`;g.value=R?String(R.version):"",D.textContent=R?`Editing ${R.resourceKind} (${R.env}) at version ${R.version}.`:"A new route (saving fails if one exists).",i.append(t("p",{class:"resolution"},z))})};_(K,j,async()=>{let i=Z($.value).map(E=>{let R=E.indexOf("=");return R<0?{key:E,value:""}:{key:E.slice(0,R).trim(),value:E.slice(R+1).trim()}}),I={resourceKind:d.value,tenantId:e.tenantId,env:b.value,projectId:r.value||null,backendType:w.value,config:i,secretRefs:Z(u.value),expectedVersion:g.value?Number(g.value):null};try{let{setRoute:E}=await y(jn,{input:I},M(e));j.replaceChildren(t("p",{},`Saved ${E.resourceKind} at version ${E.version}.`)),g.value=String(E.version),D.textContent=`Editing ${E.resourceKind} (${b.value}) at version ${E.version}.`,a={kind:E.resourceKind,env:b.value,projectId:r.value},await N()}catch(E){ee(j,E,`${d.value} (${b.value})`)}});let[te,ie]=L("resolve-kind","Resource kind",{required:""}),Y=U({id:"resolved"}),A=t("form",{id:"resolve-route"},t("h3",{},`Effective route in ${e.env}${e.projectId?", this project":""}`),te,ie,t("button",{type:"submit"},"Resolve"),Y);_(A,Y,async()=>{let{route:i}=await y(kn,{kind:ie.value},M(e)),I=i.route;Y.replaceChildren(t("p",{},`${I.backendType} ${_t(I.config)} \u2014 matched at the ${i.matchedScope} scope (${I.tenantId}, ${I.env}${I.projectId?`, ${I.projectId}`:""}), version ${I.version}`))});let V=t("textarea",{id:"routes-file",rows:"6",required:"",placeholder:`routes:
  - {resourceKind: kpi, tenantId: \u2026, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}`}),x=U({id:"routes-plan"}),P=t("form",{id:"plan-routes"},t("h3",{},"Preview a routes file"),t("label",{for:"routes-file"},"Routes file (YAML, as for northstar routes apply)"),V,t("button",{type:"submit"},"Preview changes"),x);_(P,x,async()=>{let{routesPlan:i}=await y(En,{file:V.value},M(e)),I=i.map(R=>W(R.outcome,R.resourceKind,R.env,R.projectId??"tenant-wide",R.changes.map(z=>`${z.field}: ${z.from??"\u2205"} \u2192 ${z.to??"\u2205"}`).join("; "))),E=["CREATE","UPDATE","UNCHANGED"].map(R=>`${i.filter(z=>z.outcome===R).length} ${R.toLowerCase()}`);x.replaceChildren(t("p",{},`Nothing was written: ${E.join(", ")}.`),B("plan",["Outcome","Kind","Env","Project","Changes"],I))});try{await N()}catch(i){return T(n,i)}if(n.replaceChildren(A,t("h3",{},"Routes"),c,p,f,K,P),!n.isConnected)return;let O=be({session:e.session,tenantId:e.tenantId}),Q=Ie(O,Vn,{},i=>{let I=i.routeChanged;p.textContent=`${I.resourceKind} (${I.env}) ${I.deleted?"deleted":`is at version ${I.version}`}`,I.deleted&&a&&I.resourceKind===a.kind&&I.env===a.env&&(I.projectId??"")===a.projectId&&g.value&&(g.value="",D.textContent=`${I.resourceKind} (${I.env}) was deleted. Your edit is kept: saving creates it again.`,a=null),N().catch(E=>T(p,E))},i=>T(p,i));Ce(()=>{Q(),O.dispose()})}var Bt=h(`
  query ConsoleRoles {
    context { roles }
    tenant { name }
    projects(first: 100) { edges { node { id name } } }
  }
`),Un=h(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`),Nn=h(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`),On=h(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id tenantId name version }
    apps { id tenantId name version }
  }
`),Qn=h(`
  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { id name version }
  }
`),Kn=h(`
  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
    updateSurface(input: $input) { id name version }
  }
`),_n=h(`
  mutation ConsoleUpdateApp($input: UpdateAppInput!) {
    updateApp(input: $input) { id name version }
  }
`),Hn=h(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`),Bn=h(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`),Fn=h(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`),Wn=h(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`),Gn=h(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`),zn=h(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`),Yn=h(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`),Wt={id:"tab-projects",label:"Projects",adminOnly:!1,show:zt},Ft=[{id:"tab-overview",label:"Overview",adminOnly:!1,show:Gt},Wt,{id:"tab-chat",label:"Chat",adminOnly:!1,show:je},{id:"tab-members",label:"Members",adminOnly:!0,show:$e},{id:"tab-routes",label:"Routes",adminOnly:!0,show:Ht},{id:"tab-accounts",label:"Service accounts",adminOnly:!0,show:Me},{id:"tab-audit",label:"Audit log",adminOnly:!0,show:Lt}];async function ye(e,n,o,s,c={}){de();let a=me(n),p=s.find(S=>S.id===o)?.name??o,f;try{f=await y(Bt,{},{session:e,tenantId:o})}catch(S){return T(a,S)}if(!a.isConnected)return;let m=S=>f.projects.edges.some(({node:N})=>N.id===S),d={session:e,tenantId:o,tenantName:p,roles:f.context.roles,env:c.env&&fe.includes(c.env)?c.env:"dev",projectId:c.projectId&&m(c.projectId)?c.projectId:"",refresh:async()=>{}},k=t("section",{id:"page"}),b=Ft.find(S=>S.id===(c.tab??"tab-projects")&&(!S.adminOnly||ue(d)))??Wt,v=t("nav",{"aria-label":"Tenant pages"}),r=S=>{de(),b=S;let N=new URLSearchParams({tenant:o,tab:S.id,env:d.env});d.projectId&&N.set("project",d.projectId),history.replaceState(null,"",`#${N.toString()}`);for(let ee of v.querySelectorAll("button"))ee.removeAttribute("aria-current");v.querySelector(`#${S.id}`)?.setAttribute("aria-current","page"),S.show(d,me(k))};for(let S of Ft)(!S.adminOnly||ue(d))&&v.append(q(S.label,{id:S.id},()=>r(S)));let[l,w]=ne("context-tenant","Tenant",s.map(S=>[S.id,S.name]),o);w.addEventListener("change",()=>{ye(e,n,w.value,s,{tab:b.id,env:d.env})});let[$,u]=ne("context-env","Env",fe.map(S=>[S,S]),d.env);u.addEventListener("change",()=>{d.env=u.value,r(b)});let g=S=>[["","No project"],...S.projects.edges.map(({node:N})=>[N.id,N.name])],[D,j]=ne("context-project","Project",g(f),d.projectId);j.addEventListener("change",()=>{d.projectId=j.value,r(b)});let K=t("h2",{id:"tenant-name"},p),H=t("p",{id:"role"},`Your role: ${d.roles.join(", ")}`);d.refresh=async()=>{let S=await y(Bt,{},{session:e,tenantId:o}),N=ue(d);if(d.tenantName=S.tenant.name,d.roles=S.context.roles,ue(d)!==N)return ye(e,n,o,s,{tab:b.id,env:d.env,projectId:d.projectId});K.textContent=S.tenant.name,H.textContent=`Your role: ${d.roles.join(", ")}`;let ee=s.find(Y=>Y.id===o);ee&&(ee.name=S.tenant.name);let te=[...w.options].find(Y=>Y.value===o);te&&(te.textContent=S.tenant.name);let ie=g(S);j.replaceChildren(...ie.map(([Y,A])=>t("option",{value:Y},A))),j.value=d.projectId,ie.some(([Y])=>Y===d.projectId)||(d.projectId="",j.value="",r(b))};let Z=t("div",{class:"context",role:"group","aria-label":"Context"},t("span",{},l,w),t("span",{},$,u),t("span",{},D,j));a.replaceChildren(Z,K,H,v,k),r(b)}async function Gt(e,n){try{let{tenant:o}=await y(Un,{},M(e)),s=[t("h3",{},"Tenant"),t("dl",{id:"tenant"},t("dt",{},"Name"),t("dd",{},o.name),t("dt",{},"Id"),t("dd",{},o.id),t("dt",{},"Mode"),t("dd",{id:"tenant-mode"},`${o.mode.name} (${o.mode.id})${o.mode.description?` \u2014 ${o.mode.description}`:""}`),t("dt",{},"Version"),t("dd",{},String(o.version)),t("dt",{},"Created"),t("dd",{},o.createdAt),t("dt",{},"Updated"),t("dd",{},o.updatedAt))];if(ue(e)){let[c,a]=L("tenant-rename","New name",{required:"",value:o.name}),p=U(),f=t("form",{id:"rename-tenant"},c,a,t("button",{type:"submit"},"Rename"),p);_(f,p,async()=>{await y(Nn,{input:{tenantId:e.tenantId,name:a.value,expectedVersion:o.version}},M(e)),await e.refresh(),await Gt(e,n)}),s.push(f)}n.replaceChildren(...s)}catch(o){T(n,o)}}async function zt(e,n){let o=async()=>{await e.refresh(),await zt(e,n)},s=U({id:"projects-status"}),c=a=>()=>{a().then(o).catch(p=>T(s,p))};try{let{projects:a,surfaces:p,apps:f}=await y(On,{},M(e)),m=ue(e),d=a.edges.map(({node:r})=>{let l=t("span",{});if(m){let w={input:{projectId:r.id,expectedVersion:r.version}};l.append(r.archived?q("Unarchive",{"aria-label":`Unarchive ${r.name}`},c(()=>y(Fn,w,M(e)))):q("Archive",{"aria-label":`Archive ${r.name}`},c(()=>y(Bn,w,M(e)))))}return W(r.name,r.id,r.archived?"archived":"active",String(r.version),l)}),k=r=>r.tenantId===e.tenantId,b=(r,l,w)=>l.map($=>W($.name,$.id,k($)?String($.version):`${$.version} (system-wide)`,m&&k($)?q("Delete",{"aria-label":`Delete the ${r} ${$.name}`},c(()=>w($.id))):"")),v=[t("h3",{},"Projects"),B("projects",["Name","Id","State","Version",""],d),t("h3",{},"Surfaces"),B("surfaces",["Name","Id","Version",""],b("surface",p,r=>y(Gn,{id:r},M(e)))),t("h3",{},"Apps"),B("apps",["Name","Id","Version",""],b("app",f,r=>y(Yn,{id:r},M(e)))),s];if(m){let r=(u,g,D)=>{let[j,K]=L(`${u}-name`,`${g} name`,{required:""}),H=U(),Z=t("form",{id:u},j,K,t("button",{type:"submit"},`Create ${g.toLowerCase()}`),H);return _(Z,H,()=>D(K.value).then(o)),Z},l=(u,g,D,j)=>{if(D.length===0)return[];let[K,H]=ne(`${u}-which`,`${g} to rename`,D.map(te=>[te.id,te.name]),D[0]?.id??""),[Z,S]=L(`${u}-name`,`New ${g.toLowerCase()} name`,{required:""}),N=U(),ee=t("form",{id:u},K,H,Z,S,t("button",{type:"submit"},`Rename ${g.toLowerCase()}`),N);return _(ee,N,async()=>{let te=D.find(ie=>ie.id===H.value);te&&await j(te,S.value).then(o)}),[ee]},w=a.edges.map(({node:u})=>({id:u.id,name:u.name,version:u.version,tenantId:e.tenantId}));v.push(t("div",{class:"forms"},r("create-project","Project",u=>y(Hn,{input:{tenantId:e.tenantId,name:u}},M(e))),r("create-surface","Surface",u=>y(Wn,{input:{tenantId:e.tenantId,name:u}},M(e))),r("create-app","App",u=>y(zn,{input:{tenantId:e.tenantId,name:u}},M(e)))));let $=[...l("rename-project","Project",w,(u,g)=>y(Qn,{input:{projectId:u.id,name:g,expectedVersion:u.version}},M(e))),...l("rename-surface","Surface",p.filter(k),(u,g)=>y(Kn,{input:{id:u.id,name:g,expectedVersion:u.version}},M(e))),...l("rename-app","App",f.filter(k),(u,g)=>y(_n,{input:{id:u.id,name:g,expectedVersion:u.version}},M(e)))];$.length>0&&v.push(t("div",{class:"forms"},...$))}n.replaceChildren(...v)}catch(a){T(n,a)}}var Xn=h(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId tenantName role expiresAt }
  }
`),Jn=h(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),Zn=h(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`),Yt=document.getElementById("app");function qe(){let[e,n]=L("email","Email",{type:"email",autocomplete:"username",required:""}),[o,s]=L("password","Password",{type:"password",autocomplete:"current-password",required:""}),[c,a]=L("tenant-name","New tenant (sign up only)",{type:"text"}),p=t("div",{"aria-live":"polite"}),f=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,s,t("button",{type:"submit"},"Sign in"),c,a,q("Sign up",{id:"sign-up"},()=>{Et(n.value,s.value,a.value).then(()=>he(),m=>T(p,m))}),p);f.addEventListener("submit",m=>{m.preventDefault(),qt(n.value,s.value).then(()=>he(!0),d=>T(p,d))}),Yt.replaceChildren(f),n.focus()}async function he(e=!1){de();let n=jt();if(!n)return qe();let o=new URLSearchParams(location.hash.slice(1));e||history.replaceState(null,"",location.pathname+location.search);let s=t("main",{}),c=t("nav",{"aria-label":"Console",class:"top"},q("Tenants",{id:"home"},()=>{he()}));Yt.replaceChildren(t("header",{},t("span",{id:"who"},n.email),c,q("Sign out",{id:"sign-out"},()=>{Vt().then(()=>{history.replaceState(null,"",location.pathname+location.search),qe()})})),s);try{let{tenants:a,myInvitations:p}=await y(Xn,{},{session:n}),f=a.map(r=>({id:r.id,name:r.name}));a.some(r=>r.id==="t_system")&&c.append(q("System",{id:"system"},()=>{de(),De(n,s)}));let m=t("ul",{id:"tenants"},...a.map(r=>t("li",{},q(`${r.name} (${r.mode.name})`,{"data-tenant":r.id},()=>{ye(n,s,r.id,f)}))));if(e&&o.has("system")&&a.some(r=>r.id==="t_system"))return De(n,s);let d=o.get("tenant");if(e&&d&&f.some(r=>r.id===d))return ye(n,s,d,f,{tab:o.get("tab")??void 0,env:o.get("env")??void 0,projectId:o.get("project")??void 0});history.replaceState(null,"",location.pathname+location.search);let k=U(),b=r=>()=>{r().then(()=>he(),l=>T(k,l))},v=t("ul",{id:"my-invitations"},...p.map(r=>t("li",{},`${r.role} in ${r.tenantName} (${r.tenantId}), until ${r.expiresAt} `,q("Accept",{"data-invitation":r.id},b(()=>y(Jn,{id:r.id},{session:n}))),q("Decline",{"aria-label":`Decline the invitation to ${r.tenantName}`},b(()=>y(Zn,{id:r.id},{session:n}))))));s.replaceChildren(t("h2",{},"Your tenants"),m,...p.length>0?[t("h2",{},"Invitations for you"),v,k]:[])}catch(a){T(s,a)}}we().then(e=>e?he(!0):qe());
